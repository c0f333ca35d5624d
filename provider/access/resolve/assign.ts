import type { Issue } from "../../errors";
import type { Person } from "../../hr/person";
import { AccessCode, accessIssue } from "../errors";
import type { Catalog } from "../roles/role-catalog";
import { didYouMean } from "../roles/role-model";
import { compileRule, PeopleIndex } from "../roles/rule-match";

/**
 * Roles given to one person directly (before inheritance), with why: `rule:<id>`, `hr`, `grant:<until>`.
 * Flat pairs (role, why, role, why…) in the order given: one small array per person, not a map, because this
 * is built for every person of a 100,000-person org; `rolesOf` and `reasonsOf` read it.
 */
export interface DirectRoles {
  given: string[];
  /** Roles held only through a time-bound grant, with the day that grant ends; absent when there are none. */
  expires?: Map<string, string>;
}

/** The distinct roles given, sorted. */
export function rolesOf(direct: DirectRoles): string[] {
  const roles = new Set<string>();
  for (let i = 0; i < direct.given.length; i += 2) roles.add(direct.given[i]!);
  return [...roles].sort();
}

/** Why one role was given, distinct reasons sorted. */
export function reasonsOf(direct: DirectRoles, role: string): string[] {
  const why = new Set<string>();
  for (let i = 0; i < direct.given.length; i += 2) if (direct.given[i] === role) why.add(direct.given[i + 1]!);
  return [...why].sort();
}

/**
 * Applies every assignment rule kind to the people in the program: birthright, attribute match, the HR roles
 * column, and time-bound grants live on `asOf` (an expired grant simply stops applying).
 * @param orgChart every person in the export, including those out of the program, for `reportsTo` chains.
 */
export function assignRoles(
  people: readonly Person[],
  orgChart: readonly Person[],
  catalog: Catalog,
  asOf: string,
): { byPerson: Map<string, DirectRoles>; issues: Issue[] } {
  const issues: Issue[] = [];
  const byPerson = new Map<string, DirectRoles>(people.map((p) => [p.employeeId, { given: [] }]));
  const give = (id: string, role: string, why: string) => void byPerson.get(id)!.given.push(role, why);
  const index = new PeopleIndex(people, orgChart);
  for (const rule of catalog.rules) {
    const compiled = compileRule(rule, index, issues);
    if (!compiled) continue;
    const why = `rule:${rule.id}`;
    let count = 0;
    for (const p of compiled.candidates) {
      if (!compiled.matches(p)) continue;
      count++;
      for (const role of rule.roles) give(p.employeeId, role, why);
    }
    if (count === 0) {
      issues.push(
        accessIssue(
          "warning",
          AccessCode.ruleUnmatched,
          `rule '${rule.id}' matches nobody on ${asOf}`,
          "check the rule's conditions against the HR export, or remove the rule",
          rule.source,
        ),
      );
    }
  }
  const known = [...catalog.roles.keys()];
  for (const p of people) {
    for (const role of p.roles) {
      if (catalog.roles.has(role)) give(p.employeeId, role, "hr");
      else
        issues.push(
          accessIssue(
            "error",
            AccessCode.roleUnknown,
            `${p.employeeId} has unknown role '${role}'${didYouMean(role, known)}`,
            "correct the roles column in the HR export or define the role",
            { ...p.source, column: "roles" },
          ),
        );
    }
  }
  const inExport = new Set(orgChart.map((p) => p.employeeId));
  for (const grant of catalog.grants) {
    const person = byPerson.get(grant.employeeId);
    if (!person) {
      if (!inExport.has(grant.employeeId)) {
        issues.push(
          accessIssue(
            "warning",
            AccessCode.grantInvalid,
            `grant of '${grant.role}' names ${grant.employeeId}, who is not in the HR export`,
            "correct the employee id or remove the grant",
            { ...grant.source, column: "employeeId" },
          ),
        );
      }
      continue;
    }
    if (asOf > grant.until || (grant.from !== undefined && asOf < grant.from)) continue;
    give(grant.employeeId, grant.role, `grant:${grant.until}`);
    const expires = (person.expires ??= new Map());
    const until = expires.get(grant.role);
    if (until === undefined || grant.until > until) expires.set(grant.role, grant.until);
  }
  // A role also given by a rule or by HR does not end with the grant.
  for (const direct of byPerson.values()) {
    for (const role of direct.expires?.keys() ?? [])
      if (reasonsOf(direct, role).some((w) => !w.startsWith("grant:"))) direct.expires!.delete(role);
  }
  return { byPerson, issues };
}
