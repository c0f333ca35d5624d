/**
 * @module access
 * The access model, pure: role definitions (CSV or YAML) and assignment rules turn validated people into an
 * `AccessPlan` — for every person and app the account spec (name, email, enabled, groups, admin, license, and
 * which roles and approvals put each entitlement there) plus the managed groups. Also the joiner/mover/leaver
 * diff of two plans and persona tests ("a Sales AE gets exactly these apps").
 *
 * @example
 * const catalog = buildCatalog([parseRoleFile(text, "demo/roles.yaml")]);
 * const plan = resolve(people, catalog, { lifecycle: (p) => lifecycleOf(p, asOf, settings) }, asOf);
 * const issues = [...plan.issues, ...checkPersonas(plan, parsePersonasYaml(personasText, "demo/personas.yaml"))];
 * process.stdout.write(formatDiff(diffPlans(previousPlan, plan), "md"));
 */
export { AppName, AccountSpec, GroupSpec, Grant, Approval } from "./account-spec";
export { AccessCode, AccessFileError } from "./errors";
export { RoleInput, RuleInput, GrantInput, Entitlement } from "./roles";
export type { RoleDef, RuleDef, GrantDef, AppEntitlement, RoleSources } from "./roles";
export { parseRoleFile } from "./roles";
export { parseRolesYaml } from "./roles";
export { parseRolesCsv } from "./roles";
export { buildCatalog, type Catalog } from "./roles";
export { parseApprovalsYaml, ApprovalInput, type ApprovalDef } from "./checks";
export { resolve } from "./resolve";
export type { ResolveOptions } from "./resolve";
export { AccessPlan, PersonPlan, AccountEntry, RoleHolding, serializePlan, planChunks, usernameLedger } from "./plan";
export { appKey } from "./roles";
export { slug } from "./resolve";
export { parsePersonasYaml, Persona, Invariant, type Personas } from "./checks";
export { checkPersonas } from "./checks";
export {
  diffPlans,
  type JmlDiff,
  type Joiner,
  type Mover,
  type Leaver,
  type Rehire,
  type AppEntitlements,
} from "./diff";
export { formatDiff, formatDiffText, formatDiffMarkdown, formatDiffJson, type DiffFormat } from "./diff";
export { loadStackAccess, RolesSettings, type StackAccess, type StackFiles } from "./stack";
export { planStack, accessIssues, checkStackAccess, type StackLike } from "./stack";
export { fitPlanToApps, refusedValues, appValueIssues, acceptsOptions } from "./resolve";
export { keepRevokedAccounts, type HeldAccount } from "./resolve";
