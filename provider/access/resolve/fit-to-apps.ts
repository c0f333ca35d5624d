/**
 * Every account's values as its app will receive them. A name an app cannot store exactly is mapped by the app's
 * documented rule in that app's account only (the other apps keep the exact name) with a warning naming the
 * person; a value that stays refused is an error for that person and app alone. Planning with the mapped value
 * means preview, diff and the audit trail show exactly what the app gets, and a disable carries a name the app
 * takes (Google replaces the whole user on update).
 */
import { appAccepts, judgeValue, safeText, showValue } from "../../apps/accepts";
import type { AcceptedField, AcceptsOptions, FieldRule } from "../../apps/accepts";
import type { Issue } from "../../errors";
import type { Person } from "../../hr/person";
import type { AccountSpec, AppName } from "../account-spec";
import { AccessCode, accessIssue } from "../errors";
import type { AccessPlan, AccountEntry, PersonPlan } from "../plan/plan";
import { sortIssues } from "../plan/plan-issues";

type StackConfig = Readonly<Record<string, unknown>>;

/** What a stack's config says about the apps' rules: `identity:ldap`'s dialect (the provider checks the rest). */
export function acceptsOptions(raw: StackConfig): AcceptsOptions {
  const ldap = raw["identity:ldap"];
  const flavor = ldap && typeof ldap === "object" ? (ldap as { flavor?: unknown }).flavor : undefined;
  return flavor === "ad" || flavor === "openldap" ? { ldapFlavor: flavor } : {};
}

/** The HR column(s) each field comes from, for the issue's location and its fix (hr builds the display name). */
function columnOf(field: AcceptedField, person: Person | undefined): string {
  const given = person?.preferredName !== undefined ? "preferredName" : "firstName";
  if (field === "givenName") return given;
  if (field === "familyName") return "lastName";
  if (field === "displayName") return `${given}, lastName`;
  return "workEmail";
}

interface Finding {
  person: PersonPlan;
  app: AppName;
  label: string;
  rule: FieldRule;
  value: string;
  reasons: string[];
  mapped?: string;
}

function describe(f: Finding, source: Person | undefined): Issue {
  const column = columnOf(f.rule.field, source);
  const id = f.person.employeeId;
  const what =
    `${id} (${safeText(f.person.displayName)}): ${f.label} ${f.rule.appField} ${showValue(f.value)} is refused: ` +
    f.reasons.join("; ");
  const where = source ? { ...source.source, column } : { column };
  if (f.mapped !== undefined) {
    const mapped = showValue(f.mapped);
    return accessIssue(
      "warning",
      AccessCode.appValueMapped,
      `${what}; ${f.label} gets ${mapped} (${f.rule.rule}), the other apps the exact value`,
      `nothing to do if ${mapped} is right in ${f.label}; otherwise correct ${column} of ${id} in the HR export`,
      where,
    );
  }
  return accessIssue(
    "error",
    AccessCode.appValueRefused,
    `${what} (${f.rule.rule}); ${f.label} would refuse ${id}'s account`,
    `correct ${column} of ${id} in the HR export so that ${f.label} takes it; everyone else's accounts go ahead`,
    where,
  );
}

/** Judges every constrained field of every account; `onFinding` sees each value an app would refuse as it is. */
function judgePlan(plan: AccessPlan, options: AcceptsOptions, onFinding: (f: Finding) => void): void {
  for (const person of plan.people) {
    for (const { app, spec } of person.accounts) {
      const accepts = appAccepts(app, options);
      for (const rule of accepts.rules) {
        const value = spec[rule.field];
        const verdict = judgeValue(rule, value);
        if (verdict.kind === "ok") continue;
        const mapped = verdict.kind === "mapped" ? verdict.value : undefined;
        onFinding({ person, app, label: accepts.label, rule, value, reasons: verdict.reasons, mapped });
      }
    }
  }
}

const sourcesOf = (people: readonly Person[]) => {
  let byId: Map<string, Person> | undefined;
  return (id: string) => (byId ??= new Map(people.map((p) => [p.employeeId, p]))).get(id);
};

/**
 * The plan with every mappable refused name replaced, in that app's account only, and one warning per mapping
 * appended to `issues`. Untouched people and accounts are the same objects (plans are immutable values).
 */
export function fitPlanToApps(plan: AccessPlan, people: readonly Person[], options: AcceptsOptions = {}): AccessPlan {
  const source = sourcesOf(people);
  const changes = new Map<PersonPlan, Map<AppName, Partial<AccountSpec>>>();
  const issues: Issue[] = [];
  judgePlan(plan, options, (f) => {
    if (f.mapped === undefined) return;
    issues.push(describe(f, source(f.person.employeeId)));
    const byApp = changes.get(f.person) ?? changes.set(f.person, new Map()).get(f.person)!;
    byApp.set(f.app, { ...byApp.get(f.app), [f.rule.field]: f.mapped });
  });
  if (changes.size === 0) return plan;
  const people2 = plan.people.map((p) => {
    const byApp = changes.get(p);
    if (!byApp) return p;
    const fit = (a: AccountEntry) => (byApp.has(a.app) ? { app: a.app, spec: { ...a.spec, ...byApp.get(a.app) } } : a);
    return { ...p, accounts: p.accounts.map(fit) };
  });
  return { ...plan, people: people2, issues: sortIssues([...plan.issues, ...issues]) };
}

/**
 * One error per value an app would still refuse (a refused identifier, or a name with nothing acceptable left):
 * what `idlc validate` and `idlc preview` report. Not part of the plan's issues on purpose: the program still
 * applies everyone else, and the app's refusal stays with this person and app (DESIGN.md §4.11).
 */
export function refusedValues(plan: AccessPlan, people: readonly Person[], options: AcceptsOptions = {}): Issue[] {
  const source = sourcesOf(people);
  const issues: Issue[] = [];
  judgePlan(plan, options, (f) => {
    if (f.mapped === undefined) issues.push(describe(f, source(f.person.employeeId)));
  });
  return sortIssues(issues);
}

/**
 * What `idlc preview` shows before the engine runs, for a plan from `planStack`: the names mapped for an app
 * (warnings, already in the plan's issues) and the values an app would still refuse (errors).
 */
export function appValueIssues(plan: AccessPlan, people: readonly Person[], raw: StackConfig): Issue[] {
  const mapped = plan.issues.filter((i) => i.code === AccessCode.appValueMapped);
  return [...mapped, ...refusedValues(plan, people, acceptsOptions(raw))];
}
