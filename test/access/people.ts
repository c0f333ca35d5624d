import type { LifecycleState, Person } from "../../provider/hr/person";
import { buildCatalog, parseRolesYaml, resolve, type AccessPlan, type ResolveOptions } from "../../provider/access";

/** A valid active employee; each test changes only what it is about. */
export function person(employeeId: string, fields: Partial<Person> = {}): Person {
  const firstName = fields.firstName ?? "Alex";
  const lastName = fields.lastName ?? `Person${employeeId}`;
  return {
    employeeId,
    firstName,
    lastName,
    displayName: `${fields.preferredName ?? firstName} ${lastName}`,
    workEmail: `${firstName}.${lastName}@example.com`.toLowerCase(),
    employmentType: "employee",
    status: "active",
    hireDate: "2024-01-01",
    roles: [],
    source: { file: "people.csv", row: Number(employeeId.replace(/\D/g, "")) || 2 },
    ...fields,
  };
}

/** Lifecycle straight from HR status, enough for tests that are not about dates. */
export const byStatus = (p: Person): LifecycleState => (p.status === "terminated" ? "terminated" : p.status);

export function catalogOf(yaml: string) {
  return buildCatalog([parseRolesYaml(yaml, "roles.yaml")]);
}

export function plan(
  people: Person[],
  yaml: string,
  options: Partial<ResolveOptions> = {},
  asOf = "2026-06-01",
): AccessPlan {
  return resolve(people, catalogOf(yaml), { lifecycle: byStatus, emailDomain: "example.com", ...options }, asOf);
}

/** `{ app: groups }` of one person in a plan, for compact assertions. */
export function groupsOf(p: AccessPlan, employeeId: string): Record<string, string[]> {
  const found = p.people.find((x) => x.employeeId === employeeId)!;
  return Object.fromEntries(
    found.accounts.map((a) => [a.spec.instance ? `${a.app}:${a.spec.instance}` : a.app, a.spec.groups]),
  );
}

export const codes = (issues: Array<{ code: string }>) => issues.map((i) => i.code);
