import type { Issue } from "../../errors";
import { appKey } from "../roles/entitlements";
import { AccessCode, accessIssue } from "../errors";
import type { AccessPlan, PersonPlan } from "../plan/plan";
import type { PersonaMatch, Personas } from "./personas";

/** People named in one failure message; the rest are counted, so a broken rule does not print 5,000 lines. */
const shown = 5;

/**
 * Checks a plan against the stack's personas and invariants: RBAC unit tests run on every change to HR data or
 * roles. Returns the personas file's own parse issues too, so a caller reports everything at once.
 */
export function checkPersonas(plan: AccessPlan, personas: Personas): Issue[] {
  const issues = [...personas.issues];
  for (const persona of personas.personas) {
    const people = plan.people.filter(matcher(persona.match));
    if (people.length === 0) {
      issues.push(
        accessIssue(
          "warning",
          AccessCode.personaFailed,
          `persona '${persona.name}' matches nobody in the plan of ${plan.asOf}, so it tests nothing`,
          "adjust its match to people in the HR export",
          persona.source,
        ),
      );
      continue;
    }
    const failures = people.flatMap((p) =>
      personaMismatch(p, persona.expect).map((why) => `${p.employeeId} (${p.displayName}) ${why}`),
    );
    if (failures.length > 0) issues.push(failure(`persona '${persona.name}'`, failures, persona.source));
  }
  for (const invariant of personas.invariants) {
    const failures = plan.people.filter(matcher(invariant.match)).flatMap((p) => {
      const why = violation(p, invariant.never);
      return why ? [`${p.employeeId} (${p.displayName}) ${why}`] : [];
    });
    if (failures.length > 0) issues.push(failure(`invariant '${invariant.name}'`, failures, invariant.source));
  }
  return issues;
}

function failure(what: string, failures: string[], source: { file: string; row: number }): Issue {
  const more = failures.length > shown ? `; and ${failures.length - shown} more` : "";
  return accessIssue(
    "error",
    AccessCode.personaFailed,
    `${what} fails: ${failures.slice(0, shown).join("; ")}${more}`,
    "change the roles or rules until the persona holds, or update the persona if the change is intended",
    source,
  );
}

function matcher(m: PersonaMatch): (p: PersonPlan) => boolean {
  const lower = (values: string[] | undefined) => values && new Set(values.map((v) => v.toLowerCase()));
  const ids = m.employeeId && new Set(m.employeeId);
  const [dep, tit, loc] = [lower(m.department), lower(m.title), lower(m.location)];
  const pattern = m.titlePattern === undefined ? undefined : new RegExp(m.titlePattern, "i");
  return (p) =>
    m.lifecycle.includes(p.lifecycle) &&
    (!ids || ids.has(p.employeeId)) &&
    (!dep || dep.has((p.department ?? "").toLowerCase())) &&
    (!tit || tit.has((p.title ?? "").toLowerCase())) &&
    (!loc || loc.has((p.location ?? "").toLowerCase())) &&
    (!m.employmentType || m.employmentType.includes(p.employmentType)) &&
    (!pattern || pattern.test(p.title ?? ""));
}

const keyOf = (a: PersonPlan["accounts"][number]) => appKey(a.app, a.spec.instance);
const same = (a: readonly string[], b: readonly string[]) => [...a].sort().join("\n") === [...b].sort().join("\n");

function personaMismatch(p: PersonPlan, expect: Personas["personas"][number]["expect"]): string[] {
  const why: string[] = [];
  const apps = p.accounts.map(keyOf).sort();
  if (expect.apps && !same(apps, expect.apps))
    why.push(`has apps [${apps.join(", ")}], expected [${[...expect.apps].sort().join(", ")}]`);
  for (const [app, groups] of Object.entries(expect.groups ?? {})) {
    const actual = p.accounts.find((a) => keyOf(a) === app)?.spec.groups ?? [];
    if (!same(actual, groups))
      why.push(`has ${app} groups [${actual.join(", ")}], expected [${[...groups].sort().join(", ")}]`);
  }
  const roles = new Set(p.roles.map((r) => r.id));
  const missing = (expect.includesRoles ?? []).filter((r) => !roles.has(r));
  if (missing.length > 0) why.push(`lacks roles [${missing.join(", ")}]`);
  const admin = p.accounts.some((a) => a.spec.admin);
  if (expect.admin !== undefined && admin !== expect.admin)
    why.push(
      expect.admin
        ? "is admin nowhere, expected admin"
        : `is admin in ${p.accounts
            .filter((a) => a.spec.admin)
            .map(keyOf)
            .join(", ")}`,
    );
  return why;
}

function violation(p: PersonPlan, never: Personas["invariants"][number]["never"]): string | undefined {
  const roles = new Set(p.roles.map((r) => r.id));
  if (never.allRoles?.every((r) => roles.has(r))) return `holds ${never.allRoles.join(" and ")}`;
  const anyRole = never.anyRole?.filter((r) => roles.has(r));
  if (anyRole?.length) return `holds ${anyRole.join(", ")}`;
  const apps = never.apps?.filter((app) => p.accounts.some((a) => keyOf(a) === app || a.app === app));
  if (apps?.length) return `has an account in ${apps.join(", ")}`;
  if (never.admin && p.accounts.some((a) => a.spec.admin))
    return `is admin in ${p.accounts
      .filter((a) => a.spec.admin)
      .map(keyOf)
      .join(", ")}`;
  return undefined;
}
