import { describe, expect, it } from "vitest";
import { contractorEndDate, contractorLimits } from "../../policies/rules/contractors";
import { happyAccount, runResourcePolicy, unknown } from "./util";

const contractor = (overrides = {}) =>
  happyAccount({ employmentType: "contractor", endDate: "2027-03-31", ...overrides });
const privileged = [{ entitlement: "group:prod", roleIds: ["sre"], privileged: true }];

describe("#contractorEndDate", () => {
  it("passes a contractor with an end date", async () => {
    expect((await runResourcePolicy(contractorEndDate, contractor())).violations).toEqual([]);
  });
  it("reports an open-ended contract, saying until when access lasts", async () => {
    expect((await runResourcePolicy(contractorEndDate, contractor({ endDate: undefined }))).violations).toEqual([
      expect.stringMatching(
        /is a contractor without an end date on the \w+ account: access has no end until HR records/,
      ),
    ]);
  });
  it("is advisory unless configured otherwise: one missing cell never stops the company's update", () => {
    expect(contractorEndDate.enforcementLevel).toBe("advisory");
  });
  it("is not applicable to employees nor to a disabled contractor", async () => {
    expect((await runResourcePolicy(contractorEndDate, happyAccount())).violations).toEqual([]);
    expect(
      (await runResourcePolicy(contractorEndDate, contractor({ endDate: undefined, enabled: false }))).violations,
    ).toEqual([]);
  });
  it("cannot judge an unknown employment type during preview", async () => {
    const outcome = await runResourcePolicy(
      contractorEndDate,
      happyAccount({ employmentType: unknown.string as never }),
    );
    expect(outcome.unknown).toBeDefined();
  });
});

describe("#contractorLimits", () => {
  it("passes a contractor with no privileged roles, with or without an end date", async () => {
    expect((await runResourcePolicy(contractorLimits, contractor())).violations).toEqual([]);
    expect((await runResourcePolicy(contractorLimits, contractor({ endDate: undefined }))).violations).toEqual([]);
  });
  it("is mandatory unless configured otherwise", () => {
    expect(contractorLimits.enforcementLevel).toBe("mandatory");
  });
  it("refuses privileged roles unless allowed", async () => {
    const props = contractor({ grants: privileged });
    expect((await runResourcePolicy(contractorLimits, props)).violations).toEqual([
      expect.stringContaining("must not hold privileged role(s) 'sre'"),
    ]);
    expect(
      (await runResourcePolicy(contractorLimits, props, { config: { allowPrivileged: true } })).violations,
    ).toEqual([]);
  });
  it("is not applicable to employees", async () => {
    expect((await runResourcePolicy(contractorLimits, happyAccount({ grants: privileged }))).violations).toEqual([]);
  });
  it("cannot judge an unknown employment type during preview", async () => {
    const outcome = await runResourcePolicy(
      contractorLimits,
      happyAccount({ employmentType: unknown.string as never }),
    );
    expect(outcome.unknown).toBeDefined();
  });
});
