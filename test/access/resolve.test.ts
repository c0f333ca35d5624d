import { describe, expect, it } from "vitest";
import { AccessPlan, parseApprovalsYaml } from "../../provider/access";
import type { LifecycleState } from "../../provider/hr/person";
import { codes, groupsOf, person, plan } from "./people";

const roles = `roles:
  - id: base
    entitlements:
      slack: { groups: [all] }
      google: { groups: [everyone], license: starter }
  - id: engineer
    inherits: [base]
    entitlements:
      google: { groups: [eng], license: enterprise }
      scim: { instance: github, groups: [eng] }
  - id: admin
    privileged: true
    requiresApproval: true
    entitlements:
      google: { groups: [super-admins], admin: true }
      scim: { instance: github, admin: true }
  - { id: pay, conflictsWith: [approve], entitlements: { entra: { groups: [pay] } } }
  - { id: approve, entitlements: { entra: { groups: [approve] } } }
  - { id: music, entitlements: { google: { license: music } } }
rules:
  - { id: everyone, birthright: true, roles: [base] }
`;

describe("resolve", () => {
  it.each<[LifecycleState, boolean | undefined]>([
    ["not-yet", undefined],
    ["pre-hire", false],
    ["active", true],
    ["leave", false],
    ["terminated", false],
    ["removed", undefined],
  ])("maps lifecycle %s to enabled=%s (undefined: no account at all)", (state, enabled) => {
    const p = plan([person("E1")], roles, { lifecycle: () => state });
    const accounts = p.people[0]!.accounts;
    expect(p.people[0]!.lifecycle).toBe(state);
    if (enabled === undefined) expect(accounts).toEqual([]);
    else
      expect(accounts.map((a) => [a.app, a.spec.enabled, a.spec.lifecycle])).toEqual([
        ["google", enabled, state],
        ["slack", enabled, state],
      ]);
  });

  it("fills the account spec from HR and the roles, and says which role put each entitlement", () => {
    const p = plan(
      [
        person("E1", {
          firstName: "Ana",
          lastName: "Lima",
          preferredName: "Annie",
          title: "SWE",
          department: "Engineering",
          managerId: "E9",
          costCenter: "CC1",
          location: "Lisbon",
          roles: ["engineer"],
        }),
      ],
      roles,
    );
    expect(() => AccessPlan.parse(p)).not.toThrow();
    const google = p.people[0]!.accounts.find((a) => a.app === "google")!.spec;
    expect(google).toMatchObject({
      employeeId: "E1",
      userName: "ana.lima",
      email: "ana.lima@example.com",
      givenName: "Annie",
      familyName: "Lima",
      displayName: "Annie Lima",
      title: "SWE",
      department: "Engineering",
      managerEmployeeId: "E9",
      costCenter: "CC1",
      location: "Lisbon",
      groups: ["eng", "everyone"],
      admin: false,
      license: "enterprise",
    });
    expect(google.grants).toEqual([
      { entitlement: "account", roleIds: ["base", "engineer"] },
      { entitlement: "group:eng", roleIds: ["engineer"] },
      { entitlement: "group:everyone", roleIds: ["base"] },
      { entitlement: "license:enterprise", roleIds: ["engineer"] },
    ]);
    expect(groupsOf(p, "E1")).toEqual({ google: ["eng", "everyone"], "scim:github": ["eng"], slack: ["all"] });
    expect(p.people[0]!.roles).toEqual([
      { id: "base", via: ["role:engineer", "rule:everyone"] },
      { id: "engineer", via: ["hr"] },
    ]);
  });

  it("lists every group roles name as a managed group, privileged when a privileged role grants it", () => {
    const p = plan([], roles);
    expect(p.groups.map((g) => [g.app, g.spec.instance, g.spec.name, g.spec.privileged, g.spec.roleIds])).toEqual([
      ["entra", undefined, "approve", false, ["approve"]],
      ["entra", undefined, "pay", false, ["pay"]],
      ["google", undefined, "eng", false, ["engineer"]],
      ["google", undefined, "everyone", false, ["base"]],
      ["google", undefined, "super-admins", true, ["admin"]],
      ["scim", "github", "eng", false, ["engineer"]],
      ["slack", undefined, "all", false, ["base"]],
    ]);
  });

  it("takes admin and privileged groups from terminated people but keeps the disabled account", () => {
    const approvals = parseApprovalsYaml(
      "approvals:\n  - { employeeId: E1, roleId: admin, approver: ciso, ticket: SEC-1, date: 2026-01-01 }\n",
      "a.yaml",
    ).approvals;
    const active = plan([person("E1", { roles: ["admin"] })], roles, { approvals });
    const gone = plan([person("E1", { roles: ["admin"], status: "terminated" })], roles, { approvals });
    expect(groupsOf(active, "E1").google).toEqual(["everyone", "super-admins"]);
    expect(active.people[0]!.accounts.map((a) => a.spec.admin)).toEqual([true, true, false]);
    expect(active.people[0]!.accounts[0]!.spec.approvals).toEqual([
      { roleId: "admin", approver: "ciso", ticket: "SEC-1", date: "2026-01-01" },
    ]);
    expect(groupsOf(gone, "E1")).toEqual({ google: ["everyone"], "scim:github": [], slack: ["all"] });
    expect(gone.people[0]!.accounts.map((a) => [a.spec.admin, a.spec.enabled])).toEqual([
      [false, false],
      [false, false],
      [false, false],
    ]);
    expect(gone.people[0]!.accounts[0]!.spec.grants.map((g) => g.entitlement)).not.toContain("group:super-admins");
    expect(gone.issues).toEqual([]);
  });

  it("fails closed on a role that requires approval without one, or with one dated after the plan", () => {
    const late = parseApprovalsYaml(
      "approvals:\n  - { employeeId: E1, roleId: admin, approver: ciso, ticket: SEC-1, date: 2026-07-01 }\n",
      "a.yaml",
    ).approvals;
    for (const approvals of [[], late]) {
      const p = plan([person("E1", { roles: ["admin"] })], roles, { approvals });
      expect(p.issues.map((i) => [i.severity, i.code, i.row, i.column])).toEqual([
        ["error", "APPROVAL_MISSING", 1, "roles"],
      ]);
    }
  });

  it("reports conflicting roles on one person, whichever way they arrive", () => {
    const p = plan([person("E1", { roles: ["pay", "approve"] }), person("E2", { roles: ["pay"] })], roles);
    expect(p.issues.map((i) => [i.code, i.row])).toEqual([["SOD_CONFLICT", 1]]);
    expect(p.issues[0]!.message).toContain("'approve' and 'pay'");
  });

  it("lets an inheriting role's license override, and warns when unrelated roles disagree", () => {
    expect(
      plan([person("E1", { roles: ["engineer"] })], roles).people[0]!.accounts.find((a) => a.app === "google")!.spec
        .license,
    ).toBe("enterprise");
    const p = plan([person("E1", { roles: ["engineer", "music"] })], roles);
    expect(codes(p.issues)).toEqual(["LICENSE_CONFLICT"]);
    expect(p.people[0]!.accounts.find((a) => a.app === "google")!.spec.license).toBe("enterprise");
  });

  it("leaves out apps the stack does not enable, with one warning per app", () => {
    const p = plan([person("E1", { roles: ["engineer"] })], roles, { apps: ["google", "slack"] });
    expect(groupsOf(p, "E1")).toEqual({ google: ["eng", "everyone"], slack: ["all"] });
    expect(p.issues.map((i) => [i.code, i.column])).toEqual([
      ["APP_NOT_ENABLED", "entitlements.scim"],
      ["APP_NOT_ENABLED", "entitlements.entra"],
    ]);
    expect(p.groups.map((g) => g.app)).not.toContain("scim");
  });

  it("rejects SCIM instances the stack does not configure", () => {
    const p = plan([], roles, { scimInstances: ["githbu", "jira"] });
    expect(p.issues.filter((i) => i.code === "APP_UNKNOWN").map((i) => i.message)).toEqual([
      "role 'engineer' grants access in SCIM instance 'github', which is not configured (did you mean 'githbu'?)",
      "role 'admin' grants access in SCIM instance 'github', which is not configured (did you mean 'githbu'?)",
    ]);
  });

  it("uses the contract end as the account's end date", () => {
    const p = plan([person("E1", { employmentType: "contractor", endDate: "2026-12-31" })], roles);
    expect(p.people[0]!.accounts.map((a) => a.spec.endDate)).toEqual(["2026-12-31", "2026-12-31"]);
  });

  it("reports a duplicate employee id and plans the first row only", () => {
    const p = plan([person("E1"), person("E1", { firstName: "Other" })], roles);
    expect(codes(p.issues)).toEqual(["PERSON_DUPLICATE"]);
    expect(p.people.map((x) => x.displayName)).toEqual(["Alex PersonE1"]);
  });
});

describe("references that can never apply", () => {
  it("warns about grants and approvals naming unknown people or roles", () => {
    const approvals = parseApprovalsYaml(
      `approvals:
  - { employeeId: E1, roleId: admni, approver: ciso, ticket: SEC-1, date: 2026-01-01 }
  - { employeeId: E9, roleId: admin, approver: ciso, ticket: SEC-2, date: 2026-01-01 }
`,
      "approvals.yaml",
    ).approvals;
    const p = plan([person("E1")], `${roles}grants:\n  - { employeeId: E404, role: music, until: 2027-01-01 }\n`, {
      approvals,
    });
    expect(p.issues.map((i) => [i.severity, i.code, i.file, i.row, i.column])).toEqual([
      ["warning", "APPROVAL_INVALID", "approvals.yaml", 2, "roleId"],
      ["warning", "APPROVAL_INVALID", "approvals.yaml", 3, "employeeId"],
      ["warning", "GRANT_INVALID", "roles.yaml", 23, "employeeId"],
    ]);
    expect(p.issues[0]!.message).toContain("did you mean 'admin'?");
  });
});
