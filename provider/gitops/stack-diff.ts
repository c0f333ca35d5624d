/**
 * The people summary of a stack change, for the preview comment: the plan `idlc up` would apply (the HR export,
 * overrides and roles as they are now) against the HR export and role files as of a git ref or an older file.
 */
import { diffPlans, loadStackAccess, type AccessPlan, type JmlDiff, type RoleDef } from "../access";
import { loadStackPlan, type StackPlan } from "../stack-plan";
import { diskFiles, planBefore } from "../stack-files";

export interface StackDiff {
  diff: JmlDiff;
  before: AccessPlan;
  after: AccessPlan;
  rolesBefore: ReadonlyMap<string, RoleDef>;
  rolesAfter: ReadonlyMap<string, RoleDef>;
  stack: StackPlan["stack"];
}

/**
 * What the comment compares against when no `--from` is given: the PR's base branch on GitHub
 * (`GITHUB_BASE_REF`, fetched as `origin/<base>`), else the last commit.
 */
export const defaultDiffBase = (env: NodeJS.ProcessEnv) =>
  env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : "HEAD";

/** @param from an HR export file, or a git ref whose HR export and role files are the "before" side. */
export function loadStackDiff(options: { cwd: string; stack: string; from: string; asOf: string }): StackDiff {
  const { cwd, from, asOf } = options;
  const current = loadStackPlan({ cwd, stack: options.stack, asOf });
  const { settings, stackDir, raw } = current.stack;
  const before = planBefore(current.stack, from, { cwd, asOf });
  const accessAfter = loadStackAccess(raw, stackDir, diskFiles, settings.hr!.file);
  return {
    diff: diffPlans(before.plan, current.plan),
    before: before.plan,
    after: current.plan,
    rolesBefore: before.access.catalog.roles,
    rolesAfter: accessAfter.catalog.roles,
    stack: current.stack,
  };
}
