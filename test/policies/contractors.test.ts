import { describe, expect, it } from "vitest";
import { contractorLimits } from "../../policies/rules/contractors";
import { happyAccount, runResourcePolicy, unknown } from "./util";

const contractor = (overrides = {}) => happyAccount({ employmentType: "contractor", endDate: "2027-03-31", ...overrides });

describe("#contractorLimits", () => {
  it("passes a contractor with an end date and no privileged roles", async () => {
    expect((await runResourcePolicy(contractorLimits, contractor())).violations).toEqual([]);
  });
  it("requires an end date", async () => {
    expect((await runResourcePolicy(contractorLimits, contractor({ endDate: undefined }))).violations).toEqual([
      expect.stringContaining("is a contractor and must have an end date"),
    ]);
  });
  it("requireEndDate: false accepts an open-ended contract and still refuses privileged roles", async () => {
    const openEnded = { config: { requireEndDate: false } };
    const open = contractor({ endDate: undefined });
    expect((await runResourcePolicy(contractorLimits, open, openEnded)).violations).toEqual([]);
    const grants = [{ entitlement: "group:prod", roleIds: ["sre"], privileged: true }];
    const privileged = contractor({ endDate: undefined, grants });
    expect((await runResourcePolicy(contractorLimits, privileged, openEnded)).violations).toEqual([
      expect.stringContaining("must not hold privileged role(s) 'sre'"),
    ]);
  });
  it("is mandatory unless configured otherwise", () => {
    expect(contractorLimits.enforcementLevel).toBe("mandatory");
  });
  it("refuses privileged roles unless allowed", async () => {
    const props = contractor({ grants: [{ entitlement: "group:prod", roleIds: ["sre"], privileged: true }] });
    expect((await runResourcePolicy(contractorLimits, props)).violations).toEqual([expect.stringContaining("must not hold privileged role(s) 'sre'")]);
    expect((await runResourcePolicy(contractorLimits, props, { config: { allowPrivileged: true } })).violations).toEqual([]);
  });
  it("is not applicable to employees", async () => {
    expect((await runResourcePolicy(contractorLimits, happyAccount())).violations).toEqual([]);
  });
  it("cannot judge an unknown employment type during preview", async () => {
    expect((await runResourcePolicy(contractorLimits, happyAccount({ employmentType: unknown.string as never }))).unknown).toBeDefined();
  });
});
