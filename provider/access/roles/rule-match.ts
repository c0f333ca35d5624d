import type { Issue } from "../../errors";
import type { Person } from "../../hr/person";
import { AccessCode, accessIssue } from "../errors";
import { directReports, reportsOf } from "../resolve/reports-to";
import type { RuleDef } from "./role-model";

type Predicate = (p: Person) => boolean;
const indexed = ["costCenter", "department", "location", "division", "employmentType"] as const;
type IndexedField = (typeof indexed)[number];

/**
 * The people in the program looked up by a lower-cased attribute (built on first use) or by manager, so a rule
 * only tests the people who can match it: 35 rules over 100,000 people test a few hundred thousand, not 3.5 M.
 */
export class PeopleIndex {
  private readonly byField = new Map<IndexedField, Map<string, Person[]>>();
  private readonly byId: Map<string, Person>;
  private readonly children: Map<string, string[]>;

  /** @param orgChart everyone in the export, including people out of the program, for `reportsTo` chains. */
  constructor(
    readonly people: readonly Person[],
    orgChart: readonly Person[],
  ) {
    this.byId = new Map(people.map((p) => [p.employeeId, p]));
    this.children = directReports(orgChart);
  }

  with(field: IndexedField, values: readonly string[]): Person[] {
    let index = this.byField.get(field);
    if (!index) {
      index = new Map();
      for (const p of this.people) {
        const key = (p[field] ?? "").toLowerCase();
        (index.get(key) ?? index.set(key, []).get(key)!).push(p);
      }
      this.byField.set(field, index);
    }
    return [...new Set(values.map((v) => v.toLowerCase()))].flatMap((v) => index.get(v) ?? []);
  }

  below(managerIds: readonly string[]): Person[] {
    const ids = new Set(managerIds.flatMap((id) => [...reportsOf(id, this.children)]));
    return [...ids].flatMap((id) => this.byId.get(id) ?? []);
  }
}

/** A rule ready to apply: who could match it, and the test each of them must pass. */
export interface CompiledRule {
  candidates: readonly Person[];
  matches: Predicate;
}

/** Compiles a rule; an invalid title pattern is reported and the rule skipped. */
export function compileRule(rule: RuleDef, index: PeopleIndex, issues: Issue[]): CompiledRule | undefined {
  if (rule.birthright) {
    return {
      candidates: rule.employmentTypes ? index.with("employmentType", rule.employmentTypes) : index.people,
      matches: () => true,
    };
  }
  const m = rule.match!;
  const tests: Predicate[] = [];
  const pools: Person[][] = [];
  for (const field of indexed) {
    const values = m[field];
    if (!values) continue;
    const set = new Set(values.map((v) => v.toLowerCase()));
    tests.push((p) => set.has((p[field] ?? "").toLowerCase()));
    pools.push(index.with(field, values));
  }
  if (m.titlePattern !== undefined) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(m.titlePattern, "i");
    } catch (cause) {
      issues.push(
        accessIssue(
          "error",
          AccessCode.ruleInvalid,
          `rule '${rule.id}': titlePattern is not a regular expression: ${(cause as Error).message}`,
          "write a JavaScript regular expression, e.g. '^(senior )?account executive$'",
          { ...rule.source, column: "match.titlePattern" },
        ),
      );
      return undefined;
    }
    tests.push((p) => pattern.test(p.title ?? ""));
  }
  if (m.reportsTo) {
    const below = index.below(m.reportsTo);
    const ids = new Set(below.map((p) => p.employeeId));
    tests.push((p) => ids.has(p.employeeId));
    pools.push(below);
  }
  // Start from the smallest pool any condition allows; a title pattern alone has to look at everyone.
  const candidates = pools.reduce<readonly Person[]>(
    (small, pool) => (pool.length < small.length ? pool : small),
    index.people,
  );
  return { candidates, matches: (p) => tests.every((t) => t(p)) };
}
