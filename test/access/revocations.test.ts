import { describe, expect, it } from "vitest";
import { keepRevokedAccounts, type AccessPlan, type HeldAccount } from "../../provider/access";
import type { LifecycleState, Person } from "../../provider/hr/person";
import { person, plan } from "./people";

const roles = `roles:
  - { id: base, entitlements: { slack: { groups: [all] } } }
  - { id: eng, entitlements: { ldap: { groups: [eng], admin: true }, scim: { instance: github, groups: [devs] } } }
rules:
  - { id: all, birthright: true, roles: [base] }
  - { id: eng, match: { department: Engineering }, roles: [eng] }
`;
const planOn = (asOf: string, people: Array<[Person, LifecycleState?]>): AccessPlan => {
  const states = new Map(people.map(([p, s]) => [p.employeeId, s ?? "active"]));
  return plan(
    people.map(([p]) => p),
    roles,
    { lifecycle: (p) => states.get(p.employeeId)!, apps: ["slack", "ldap", "scim"] },
    asOf,
  );
};
const eng = person("E1", { department: "Engineering" });
const sales = person("E1", { department: "Sales" });
/** What the stack holds after an `up` of `p`: every planned account, as the state records its inputs. */
const heldFrom = (p: AccessPlan): HeldAccount[] =>
  p.people.flatMap((x) => x.accounts.map((a) => ({ app: a.app, spec: a.spec })));
const accountsOf = (p: AccessPlan, id = "E1") => p.people.find((x) => x.employeeId === id)!.accounts;

describe("keepRevokedAccounts", () => {
  const before = planOn("2026-06-01", [[eng]]);

  it("keeps an account a mover no longer gets, disabled, out of its groups, without admin, revoked today", () => {
    const after = keepRevokedAccounts(planOn("2026-06-10", [[sales]]), heldFrom(before), 30);
    const accounts = accountsOf(after);
    expect(accounts.map((a) => `${a.app}${a.spec.instance ? `:${a.spec.instance}` : ""}`)).toEqual([
      "ldap",
      "scim:github",
      "slack",
    ]);
    const ldap = accounts.find((a) => a.app === "ldap")!.spec;
    expect(ldap).toMatchObject({
      enabled: false,
      groups: [],
      admin: false,
      grants: [],
      approvals: [],
      revokedOn: "2026-06-10",
      lifecycle: "active",
    });
    expect(ldap.userName).toBe(accountsOf(before).find((a) => a.app === "ldap")!.spec.userName);
    expect(accounts.find((a) => a.app === "slack")!.spec).toMatchObject({ enabled: true, groups: ["all"] });
    expect(accounts.find((a) => a.app === "slack")!.spec.revokedOn).toBeUndefined();
  });

  it("keeps the day it was first revoked, and lets the account go once retention has passed", () => {
    const revoked = keepRevokedAccounts(planOn("2026-06-10", [[sales]]), heldFrom(before), 30);
    const later = keepRevokedAccounts(planOn("2026-07-10", [[sales]]), heldFrom(revoked), 30);
    expect(accountsOf(later).find((a) => a.app === "ldap")!.spec.revokedOn).toBe("2026-06-10");
    const gone = keepRevokedAccounts(planOn("2026-07-11", [[sales]]), heldFrom(later), 30);
    expect(accountsOf(gone).map((a) => a.app)).toEqual(["slack"]);
  });

  it("gives a mover who comes back inside retention the planned account again, enabled", () => {
    const revoked = keepRevokedAccounts(planOn("2026-06-10", [[sales]]), heldFrom(before), 30);
    const back = keepRevokedAccounts(planOn("2026-06-20", [[eng]]), heldFrom(revoked), 30);
    const ldap = accountsOf(back).find((a) => a.app === "ldap")!.spec;
    expect(ldap).toMatchObject({ enabled: true, groups: ["eng"], admin: true });
    expect(ldap.revokedOn).toBeUndefined();
  });

  it("keeps nothing of people outside the program: a truncated export still reaches the providers' refusal", () => {
    const other = person("E2", { department: "Engineering" });
    const held = heldFrom(planOn("2026-06-01", [[eng], [other]]));
    const truncated = keepRevokedAccounts(planOn("2026-06-10", [[eng]]), held, 30);
    expect(truncated.people.map((p) => p.employeeId)).toEqual(["E1"]);
    const removed = keepRevokedAccounts(planOn("2026-06-10", [[eng], [other, "removed"]]), held, 30);
    expect(accountsOf(removed, "E2")).toEqual([]);
  });

  it("keeps a revoked account of a leaver still inside retention, and returns the plan itself when nothing is kept", () => {
    const leaving = keepRevokedAccounts(planOn("2026-06-10", [[sales, "terminated"]]), heldFrom(before), 30);
    expect(accountsOf(leaving).find((a) => a.app === "ldap")!.spec).toMatchObject({
      enabled: false,
      lifecycle: "terminated",
      revokedOn: "2026-06-10",
    });
    const same = planOn("2026-06-10", [[eng]]);
    expect(keepRevokedAccounts(same, heldFrom(before), 30)).toBe(same);
  });
});
