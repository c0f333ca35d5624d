import type { ResourceValidationPolicy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { contractorEndDate, contractorLimits } from "../../policies/rules/contractors";
import { leaversDisabled, leaveSuspended } from "../../policies/rules/lifecycle";
import { privilegedAccessApproval } from "../../policies/rules/privileged-access";
import { separationOfDuties } from "../../policies/rules/separation-of-duties";
import { timeBoundGrants } from "../../policies/rules/time-bound-grants";
import type { AccountSpec } from "../../provider/access";
import { declareAzuread, GROUP, MEMBER, onDynamic, onRecord, RECORD, USER } from "./azuread";
import { happyAccount, runResourcePolicy, unknown } from "./util";

// Resource rules reading facts an azuread.User does not carry (lifecycle, grants, approvals, endDate): they judge
// the AzureadAccount record the identity stack declares beside each User, with the dynamic EntraAccount's verdict.
const spec = (overrides: Partial<AccountSpec> = {}) => happyAccount(overrides) as AccountSpec;
const asOf = "2026-11-25";
const adminGrant = { entitlement: "admin", roleIds: ["it-admin"] };

interface Case {
  policy: ResourceValidationPolicy;
  config: Record<string, unknown>;
  pass: AccountSpec;
  violation: AccountSpec;
  message: string;
  /** A person the rule is not about. */
  outOfScope: AccountSpec;
  /** A field the rule reads, made unknown as during preview. */
  unknown: Partial<Record<keyof AccountSpec, unknown>>;
}

const cases: Record<string, Case> = {
  "separation-of-duties": {
    policy: separationOfDuties,
    config: { conflicts: [["payments-initiate", "payments-approve"]] },
    pass: spec({ grants: [{ entitlement: "account", roleIds: ["payments-initiate"] }] }),
    violation: spec({ grants: [{ entitlement: "account", roleIds: ["payments-initiate", "payments-approve"] }] }),
    message: "Jane Doe (E1001) must not hold both 'payments-initiate' and 'payments-approve' (entra account)",
    outOfScope: spec({ grants: [] }),
    unknown: { grants: unknown.array },
  },
  "privileged-access-approval": {
    policy: privilegedAccessApproval,
    config: { asOf },
    pass: spec({
      admin: true,
      grants: [adminGrant],
      approvals: [{ roleId: "it-admin", approver: "ciso", ticket: "SEC-1", date: "2026-10-01" }],
    }),
    violation: spec({ admin: true, grants: [adminGrant] }),
    message:
      "Jane Doe (E1001) must have an approval (approver, ticket, date) for privileged role 'it-admin' (admin in entra)",
    outOfScope: spec({ admin: true, grants: [adminGrant], enabled: false, lifecycle: "leave" }),
    unknown: { admin: true, grants: [adminGrant], approvals: unknown.array },
  },
  "leavers-disabled": {
    policy: leaversDisabled,
    config: {},
    pass: spec({ lifecycle: "terminated", enabled: false, lifecycleSince: asOf }),
    violation: spec({ lifecycle: "terminated", enabled: true }),
    message: "Jane Doe (E1001) left (terminated) and must have no enabled entra account",
    outOfScope: spec({ lifecycle: "active", enabled: true }),
    unknown: { lifecycle: unknown.string },
  },
  "leave-suspended": {
    policy: leaveSuspended,
    config: {},
    pass: spec({ lifecycle: "leave", enabled: false }),
    violation: spec({ lifecycle: "leave", enabled: true }),
    message: "Jane Doe (E1001) is on leave and must have a suspended entra account",
    outOfScope: spec({ lifecycle: "terminated", enabled: false }),
    unknown: { lifecycle: unknown.string },
  },
  "contractor-end-date": {
    policy: contractorEndDate,
    config: {},
    pass: spec({ employmentType: "contractor", endDate: "2027-03-31" }),
    violation: spec({ employmentType: "contractor" }),
    message: "Jane Doe (E1001) is a contractor without an end date on the entra account",
    outOfScope: spec({ employmentType: "employee" }),
    unknown: { employmentType: unknown.string },
  },
  "contractor-limits": {
    policy: contractorLimits,
    config: {},
    pass: spec({ employmentType: "contractor" }),
    violation: spec({ employmentType: "contractor", admin: true, grants: [adminGrant] }),
    message: "Jane Doe (E1001) is a contractor and must not hold privileged role(s) 'it-admin' in entra",
    outOfScope: spec({ employmentType: "employee", admin: true, grants: [adminGrant] }),
    unknown: { employmentType: unknown.string },
  },
  "time-bound-grants": {
    policy: timeBoundGrants,
    config: { asOf },
    pass: spec({ grants: [{ entitlement: "group:ops", roleIds: ["ops"], expires: "2027-01-31" }] }),
    violation: spec({ grants: [{ entitlement: "group:ops", roleIds: ["ops"], expires: "2027-12-31" }] }),
    message: "Jane Doe (E1001) must not hold group:ops in entra (roles ops) beyond 2027-02-23",
    outOfScope: spec({ grants: [{ entitlement: "group:ops", roleIds: ["ops"] }] }),
    unknown: { grants: unknown.array },
  },
};

describe.each(Object.entries(cases))("%s on azuread accounts", (_, c) => {
  it("passes a compliant record, as the dynamic account", async () => {
    expect(await onRecord(c.policy, c.pass, c.config)).toEqual({ violations: [] });
    expect(await onDynamic(c.policy, c.pass, c.config)).toEqual({ violations: [] });
  });
  it("rejects a violating record with the dynamic account's violation", async () => {
    const outcome = await onRecord(c.policy, c.violation, c.config);
    expect(outcome.violations).toContainEqual(expect.stringContaining(c.message));
    expect(outcome).toEqual(await onDynamic(c.policy, c.violation, c.config));
  });
  it("is not applicable to a person outside the rule, nor to the User, groups and memberships beside a record", async () => {
    expect(await onRecord(c.policy, c.outOfScope, c.config)).toEqual({ violations: [] });
    const declared = await declareAzuread([{ ...c.violation, groups: ["ops"] }]);
    const others = declared.filter((d) => d.type !== RECORD);
    expect(new Set(others.map((d) => d.type))).toEqual(new Set(["idlc:index:IdentityStack", USER, GROUP, MEMBER]));
    for (const r of others)
      expect(await runResourcePolicy(c.policy, r.props, { type: r.type, name: r.name, config: c.config })).toEqual({
        violations: [],
      });
  });
  it("cannot judge the record when a field it reads is unknown during preview", async () => {
    const outcome = await runResourcePolicy(
      c.policy,
      { ...c.violation, ...c.unknown },
      { type: RECORD, name: "entra/E1001", config: c.config },
    );
    expect(outcome.unknown).toMatch(/can't be known during preview/);
  });
});
