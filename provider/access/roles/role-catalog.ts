import type { Issue } from "../../errors";
import { AccessCode, accessIssue } from "../errors";
import { didYouMean, type GrantDef, type RoleDef, type RoleSources, type RuleDef } from "./role-model";

/** Roles ready to resolve: ids unique, references known, inheritance flattened, conflicts made symmetric. */
export interface Catalog {
  roles: ReadonlyMap<string, RoleDef>;
  /** The role and every role it inherits, directly or transitively; sorted. */
  closure: ReadonlyMap<string, readonly string[]>;
  /** Separation of duties: role id → the roles it must never meet in one person (both directions). */
  conflicts: ReadonlyMap<string, ReadonlySet<string>>;
  rules: RuleDef[];
  grants: GrantDef[];
  issues: Issue[];
}

/** Merges the stack's role files and checks them as one set: duplicates, unknown references and cycles. */
export function buildCatalog(sources: readonly RoleSources[]): Catalog {
  const issues = sources.flatMap((s) => s.issues);
  const roles = new Map<string, RoleDef>();
  for (const role of sources.flatMap((s) => s.roles)) {
    const first = roles.get(role.id);
    if (first) {
      issues.push(
        accessIssue(
          "error",
          AccessCode.roleDuplicate,
          `role '${role.id}' is defined twice (first at ${first.source.file}:${first.source.row})`,
          "keep one definition per role id",
          role.source,
        ),
      );
    } else roles.set(role.id, role);
  }
  const known = [...roles.keys()];
  const check = (id: string, where: { file: string; row: number }, what: string, column: string) => {
    if (roles.has(id)) return true;
    issues.push(
      accessIssue(
        "error",
        AccessCode.roleUnknown,
        `${what} names unknown role '${id}'${didYouMean(id, known)}`,
        "define the role in a roles file or correct the id",
        { ...where, column },
      ),
    );
    return false;
  };
  for (const role of roles.values()) {
    role.inherits = role.inherits.filter((id) => check(id, role.source, `role '${role.id}'`, "inherits"));
    role.conflictsWith = role.conflictsWith.filter((id) =>
      check(id, role.source, `role '${role.id}'`, "conflictsWith"),
    );
  }
  const rules = uniqueRules(
    sources.flatMap((s) => s.rules),
    issues,
  );
  for (const rule of rules)
    rule.roles = rule.roles.filter((id) => check(id, rule.source, `rule '${rule.id}'`, "roles"));
  const grants = sources
    .flatMap((s) => s.grants)
    .filter((g) => check(g.role, g.source, `grant for ${g.employeeId}`, "role"));
  return { roles, closure: flatten(roles, issues), conflicts: symmetricConflicts(roles), rules, grants, issues };
}

function uniqueRules(rules: RuleDef[], issues: Issue[]): RuleDef[] {
  const seen = new Map<string, RuleDef>();
  return rules.filter((rule) => {
    const first = seen.get(rule.id);
    if (!first) return seen.set(rule.id, rule);
    issues.push(
      accessIssue(
        "error",
        AccessCode.ruleInvalid,
        `rule '${rule.id}' is defined twice (first at ${first.source.file}:${first.source.row})`,
        "give every rule its own id",
        rule.source,
      ),
    );
    return false;
  });
}

/** Depth-first walk; a back edge is a cycle, reported once with its path, and its edge is dropped. */
function flatten(roles: ReadonlyMap<string, RoleDef>, issues: Issue[]): Map<string, string[]> {
  const closure = new Map<string, string[]>();
  const onPath: string[] = [];
  const visit = (id: string): string[] => {
    const done = closure.get(id);
    if (done) return done;
    const role = roles.get(id)!;
    onPath.push(id);
    const all = new Set([id]);
    for (const parent of role.inherits) {
      const at = onPath.indexOf(parent);
      if (at >= 0) {
        const cycle = [...onPath.slice(at), parent].join(" → ");
        issues.push(
          accessIssue(
            "error",
            AccessCode.roleCycle,
            `roles inherit in a cycle: ${cycle}`,
            `remove one \`inherits\` link of that cycle`,
            { ...role.source, column: "inherits" },
          ),
        );
        continue;
      }
      for (const inherited of visit(parent)) all.add(inherited);
    }
    onPath.pop();
    const sorted = [...all].sort();
    closure.set(id, sorted);
    return sorted;
  };
  for (const id of [...roles.keys()].sort()) visit(id);
  return closure;
}

function symmetricConflicts(roles: ReadonlyMap<string, RoleDef>): Map<string, Set<string>> {
  const conflicts = new Map<string, Set<string>>();
  const add = (a: string, b: string) => (conflicts.get(a) ?? conflicts.set(a, new Set()).get(a)!).add(b);
  for (const role of roles.values()) {
    for (const other of role.conflictsWith) {
      add(role.id, other);
      add(other, role.id);
    }
  }
  return conflicts;
}
