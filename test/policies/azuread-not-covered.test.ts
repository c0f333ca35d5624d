import type { ResourceValidationPolicy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { contractorLimits } from "../../policies/rules/contractors";
import { deprovisioningBudget } from "../../policies/rules/deprovisioning-budget";
import { leaversDisabled, leaveSuspended } from "../../policies/rules/lifecycle";
import { privilegedAccessApproval } from "../../policies/rules/privileged-access";
import { separationOfDuties, separationOfDutiesAcrossApps } from "../../policies/rules/separation-of-duties";
import { timeBoundGrants } from "../../policies/rules/time-bound-grants";
import type { AccountSpec } from "../../provider/access";
import { declareAzuread, declaredAs, USER } from "./azuread";
import { accountResource, accountType, happyAccount, runResourcePolicy, runStackPolicy } from "./util";

// Rules that read facts an azuread User does not carry (lifecycle, grants, approvals, endDate): they must not
// guess. Each case is a spec the dynamic EntraAccount is rejected for; the same person as an azuread User is not
// judged at all. When provider/apps/entra-azuread carries these facts, these cases turn into covered ones.
const spec = (overrides: Partial<AccountSpec>) => happyAccount(overrides) as AccountSpec;
const asOf = "2026-11-25";
const conflicts = [["payments-initiate", "payments-approve"]];

const resourceCases: Array<[string, ResourceValidationPolicy, AccountSpec, Record<string, unknown>]> = [
  ["separation-of-duties (grants)", separationOfDuties, spec({ grants: [{ entitlement: "account", roleIds: ["payments-initiate", "payments-approve"] }] }), { conflicts }],
  ["privileged-access-approval (grants, approvals)", privilegedAccessApproval, spec({ admin: true, grants: [{ entitlement: "admin", roleIds: ["it-admin"] }] }), { asOf }],
  ["leavers-disabled (lifecycle)", leaversDisabled, spec({ lifecycle: "terminated" }), {}],
  ["leave-suspended (lifecycle)", leaveSuspended, spec({ lifecycle: "leave" }), {}],
  ["contractor-limits (endDate, grants)", contractorLimits, spec({ employmentType: "contractor" }), {}],
  ["time-bound-grants (grants)", timeBoundGrants, spec({ grants: [{ entitlement: "group:ops", roleIds: ["ops"], expires: "2027-12-31" }] }), { asOf }],
];

describe("resource rules that azuread Users do not carry the facts for", () => {
  it.each(resourceCases)("%s: rejects the dynamic account, does not judge the User", async (_, policy, s, config) => {
    const dynamic = await runResourcePolicy(policy, s, { type: accountType("entra"), name: "entra/E1001", config });
    expect(dynamic.violations.length).toBeGreaterThan(0);
    const user = declaredAs(await declareAzuread([s]), USER, "entra/E1001");
    expect(await runResourcePolicy(policy, user.props, { type: USER, name: user.name, config })).toEqual({ violations: [] });
  });
});

const leavers = (n: number) => Array.from({ length: n }, (_, i) => spec({ employeeId: `E${i}`, enabled: i >= 5, lifecycle: i < 5 ? "terminated" : "active", lifecycleSince: asOf }));

describe("stack rules that azuread Users do not carry the facts for", () => {
  it("separation-of-duties-across-apps (grants): an Entra role is invisible, so the split conflict is not found", async () => {
    const entra = spec({ grants: [{ entitlement: "account", roleIds: ["payments-initiate"] }] });
    const slack = accountResource("slack", spec({ grants: [{ entitlement: "account", roleIds: ["payments-approve"] }] }));
    expect((await runStackPolicy(separationOfDutiesAcrossApps, [accountResource("entra", entra), slack], { conflicts })).violations).toHaveLength(1);
    expect(await runStackPolicy(separationOfDutiesAcrossApps, [...(await declareAzuread([entra])), slack], { conflicts })).toEqual({ violations: [] });
  });
  it("deprovisioning-budget (lifecycle, lifecycleSince): a wave of disabled Users is not counted", async () => {
    const people = leavers(10);
    expect((await runStackPolicy(deprovisioningBudget, people.map((s) => accountResource("entra", s)), { asOf })).violations).toHaveLength(1);
    expect(await runStackPolicy(deprovisioningBudget, await declareAzuread(people), { asOf })).toEqual({ violations: [] });
  });
});
