import { describe, expect, it } from "vitest";
import { timeBoundGrants } from "../../policies/rules/time-bound-grants";
import { happyAccount, runResourcePolicy, unknown } from "./util";

const config = { asOf: "2026-11-25", maxDays: 30 };
const grant = (expires: string) =>
  happyAccount({ grants: [{ entitlement: "group:oncall", roleIds: ["oncall"], expires }] });

describe("#timeBoundGrants", () => {
  it("passes a grant expiring within the maximum", async () => {
    expect((await runResourcePolicy(timeBoundGrants, grant("2026-12-25"), { config })).violations).toEqual([]);
  });
  it("rejects a grant running past the maximum", async () => {
    expect((await runResourcePolicy(timeBoundGrants, grant("2026-12-26"), { config })).violations).toEqual([
      expect.stringContaining("beyond 2026-12-25: it expires 2026-12-26, more than 30 days ahead"),
    ]);
  });
  it("is not applicable to grants without expiry", async () => {
    expect((await runResourcePolicy(timeBoundGrants, happyAccount(), { config })).violations).toEqual([]);
  });
  it("cannot judge unknown grants during preview", async () => {
    expect(
      (await runResourcePolicy(timeBoundGrants, happyAccount({ grants: unknown.array }), { config })).unknown,
    ).toBeDefined();
  });
});
