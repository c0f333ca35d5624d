import { describe, expect, it } from "vitest";
import { deprovisioningBudget } from "../../policies/rules/deprovisioning-budget";
import { deprovisionBudget } from "../../provider/safety";
import { accountResource, happyAccount, runStackPolicy, unknown } from "./util";

const asOf = "2026-11-25";
function org(size: number, leavers: number, lifecycleSince = asOf) {
  return Array.from({ length: size }, (_, i) =>
    accountResource(
      "slack",
      happyAccount({
        employeeId: `E${i}`,
        ...(i < leavers ? { enabled: false, lifecycle: "terminated", lifecycleSince } : {}),
      }),
    ),
  );
}

describe("deprovisionBudget", () => {
  it.each([
    [40, 4],
    [5, 1],
    [0, 1],
    [1000, 25],
    [200, 20],
  ])("allows %i accounts -> %i", (count, budget) => {
    expect(deprovisionBudget(count)).toBe(budget);
  });
});

describe("#deprovisioningBudget", () => {
  it("passes leavers within the budget", async () => {
    expect((await runStackPolicy(deprovisioningBudget, org(40, 4), { asOf })).violations).toEqual([]);
  });
  it("stops a wave of disables (a truncated export)", async () => {
    expect((await runStackPolicy(deprovisioningBudget, org(40, 20), { asOf })).violations).toEqual([
      expect.stringContaining(
        "slack must not have more than 4 accounts newly disabled in one change but would have 20 of 40",
      ),
    ]);
  });
  it("lets exactly the reviewed count through", async () => {
    expect(
      (await runStackPolicy(deprovisioningBudget, org(40, 20), { asOf, allowDeprovision: 20 })).violations,
    ).toEqual([]);
    expect(
      (await runStackPolicy(deprovisioningBudget, org(40, 20), { asOf, allowDeprovision: 19 })).violations,
    ).toHaveLength(1);
  });
  it("does not count leavers from before the window", async () => {
    expect((await runStackPolicy(deprovisioningBudget, org(40, 20, "2026-10-01"), { asOf })).violations).toEqual([]);
  });
  it("is not applicable to stacks without accounts", async () => {
    expect(
      (await runStackPolicy(deprovisioningBudget, [{ type: "pulumi:pulumi:Stack", name: "s", props: {} }], { asOf }))
        .violations,
    ).toEqual([]);
  });
});

describe("#deprovisioningBudget during preview", () => {
  it("cannot judge an unknown enabled flag", async () => {
    const resources = org(10, 0);
    resources[0]!.props.enabled = unknown.boolean;
    expect((await runStackPolicy(deprovisioningBudget, resources, { asOf })).unknown).toBeDefined();
  });
});
