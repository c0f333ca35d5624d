import { describe, expect, it } from "vitest";
import { deprovisioningBudget } from "../../policies/rules/deprovisioning-budget";
import { separationOfDutiesAcrossApps } from "../../policies/rules/separation-of-duties";
import type { AccountSpec } from "../../provider/access";
import { asStack, bothModes, declareAzuread, declaredAs, RECORD, USER } from "./azuread";
import { accountResource, happyAccount, runStackPolicy, unknown } from "./util";

// Stack rules reading facts an azuread.User does not carry (grants, lifecycle, lifecycleSince): they read the
// AzureadAccount records from the stack's final state, one account per person (never the User as well).
const spec = (overrides: Partial<AccountSpec> = {}) => happyAccount(overrides) as AccountSpec;
const asOf = "2026-11-25";
const conflicts = [["payments-initiate", "payments-approve"]];
const holding = (roleId: string) => ({ grants: [{ entitlement: "account", roleIds: [roleId] }] });

describe("#separationOfDutiesAcrossApps with azuread accounts", () => {
  const slackApprover = accountResource("slack", spec(holding("payments-approve")));
  it("passes a person whose Entra and Slack roles do not conflict", async () => {
    const { azuread, dynamic } = await bothModes(
      separationOfDutiesAcrossApps,
      [spec(holding("payments-view"))],
      { conflicts },
      [slackApprover],
    );
    expect(azuread).toEqual({ violations: [] });
    expect(dynamic).toEqual({ violations: [] });
  });
  it("finds a conflict split between an Entra record and a Slack account, as with the dynamic account", async () => {
    const { azuread, dynamic } = await bothModes(
      separationOfDutiesAcrossApps,
      [spec(holding("payments-initiate"))],
      { conflicts },
      [slackApprover],
    );
    expect(azuread.violations).toEqual([
      "Jane Doe (E1001) must not hold both 'payments-initiate' and 'payments-approve' (across entra, slack); remove one of the roles or record a reviewed exception.",
    ]);
    expect(azuread).toEqual(dynamic);
  });
  it("is not applicable without configured conflicts, nor to a recordless User (it carries no grants)", async () => {
    expect(
      (await bothModes(separationOfDutiesAcrossApps, [spec(holding("payments-initiate"))], {}, [slackApprover]))
        .azuread,
    ).toEqual({ violations: [] });
    const recordless = asStack(await declareAzuread([spec(holding("payments-initiate"))])).filter(
      (r) => r.type !== RECORD,
    );
    expect(await runStackPolicy(separationOfDutiesAcrossApps, [...recordless, slackApprover], { conflicts })).toEqual({
      violations: [],
    });
  });
  it("cannot judge a record whose grants are unknown during preview", async () => {
    const resources = asStack(await declareAzuread([spec(holding("payments-initiate"))]));
    declaredAs(resources, RECORD, "entra/E1001").props.grants = unknown.array;
    expect(
      (await runStackPolicy(separationOfDutiesAcrossApps, [...resources, slackApprover], { conflicts })).unknown,
    ).toMatch(/can't be known during preview/);
  });
});

// Ten people, the first `n` newly terminated (disabled today): 10% of 10 allows one.
const leavers = (n: number, since = asOf) =>
  Array.from({ length: 10 }, (_, i) =>
    spec({
      employeeId: `E${i}`,
      enabled: i >= n,
      lifecycle: i < n ? "terminated" : "active",
      lifecycleSince: i < n ? since : undefined,
    }),
  );

describe("#deprovisioningBudget with azuread accounts", () => {
  it("passes a change within the budget", async () => {
    const { azuread, dynamic } = await bothModes(deprovisioningBudget, leavers(1), { asOf });
    expect(azuread).toEqual({ violations: [] });
    expect(dynamic).toEqual({ violations: [] });
  });
  it("stops a wave of disabled accounts, counting each person once, as with the dynamic accounts", async () => {
    const { azuread, dynamic } = await bothModes(deprovisioningBudget, leavers(5), { asOf });
    expect(azuread.violations).toEqual([
      "entra must not have more than 1 accounts newly disabled in one change but would have 5 of 10; check the HR export, or allow exactly this with allowDeprovision=5.",
    ]);
    expect(azuread).toEqual(dynamic);
  });
  it("is not applicable to leavers outside the window, nor to recordless Users (they carry no lifecycle)", async () => {
    expect((await bothModes(deprovisioningBudget, leavers(5, "2026-01-05"), { asOf })).azuread).toEqual({
      violations: [],
    });
    const recordless = asStack(await declareAzuread(leavers(5))).filter((r) => r.type !== RECORD);
    expect(recordless.filter((r) => r.type === USER && r.props.accountEnabled === false)).toHaveLength(5);
    expect(await runStackPolicy(deprovisioningBudget, recordless, { asOf })).toEqual({ violations: [] });
  });
  it("cannot judge a record whose lifecycle is unknown during preview", async () => {
    const resources = asStack(await declareAzuread(leavers(1)));
    declaredAs(resources, RECORD, "entra/E0").props.lifecycle = unknown.string;
    expect((await runStackPolicy(deprovisioningBudget, resources, { asOf })).unknown).toMatch(
      /can't be known during preview/,
    );
  });
});
