import { distance } from "fastest-levenshtein";
import type { Issue } from "../../errors";
import { AppName } from "../account-spec";
import { AccessCode, accessIssue, type Where } from "../errors";
import type { GrantInput, RoleInput, RuleInput } from "./role-schema";

/** Where a definition was written, for every issue about it. */
export interface Located {
  source: { file: string; row: number };
}

/** One role's grant in one app (or one SCIM instance), after defaults. */
export interface AppEntitlement {
  app: AppName;
  instance?: string;
  account: boolean;
  groups: Array<{ name: string; description?: string }>;
  admin: boolean;
  license?: string;
}

export type RoleDef = Omit<RoleInput, "entitlements"> & Located & { entitlements: AppEntitlement[] };
export type RuleDef = RuleInput & Located;
export type GrantDef = GrantInput & Located;

/** Everything read from a stack's role files: the input of `buildCatalog`. */
export interface RoleSources {
  roles: RoleDef[];
  rules: RuleDef[];
  grants: GrantDef[];
  issues: Issue[];
}

/** The closest known name, for "did you mean" hints; undefined when nothing is close. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

export function didYouMean(name: string, known: readonly string[]): string {
  const hint = closest(name, known);
  return hint ? ` (did you mean '${hint}'?)` : "";
}

/** Turns a validated role into the model: app keys checked, one entitlement per app/instance. */
export function normalizeRole(
  input: RoleInput,
  where: Where & { file: string; row: number },
  issues: Issue[],
): RoleDef {
  const entitlements: AppEntitlement[] = [];
  for (const [app, value] of Object.entries(input.entitlements)) {
    const parsed = AppName.safeParse(app);
    if (!parsed.success) {
      issues.push(
        accessIssue(
          "error",
          AccessCode.appUnknown,
          `role '${input.id}' grants access in unknown app '${app}'${didYouMean(app, AppName.options)}`,
          `use one of ${AppName.options.join(", ")}`,
          { ...where, column: `entitlements.${app}` },
        ),
      );
      continue;
    }
    for (const e of Array.isArray(value) ? value : [value]) {
      if (e.instance !== undefined && parsed.data !== "scim") {
        issues.push(
          accessIssue(
            "error",
            AccessCode.roleInvalid,
            `role '${input.id}' names an instance for ${app}, which has only one`,
            "remove `instance`; only scim entitlements name an instance",
            { ...where, column: `entitlements.${app}.instance` },
          ),
        );
      }
      const entitlement: AppEntitlement = {
        app: parsed.data,
        account: e.account || e.groups.length > 0 || e.admin || e.license !== undefined,
        groups: e.groups,
        admin: e.admin,
      };
      if (parsed.data === "scim" && e.instance !== undefined) entitlement.instance = e.instance;
      if (e.license !== undefined) entitlement.license = e.license;
      entitlements.push(entitlement);
    }
  }
  return { ...input, entitlements, source: { file: where.file, row: where.row } };
}
