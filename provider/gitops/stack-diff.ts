/**
 * The people summary of a stack change, for the preview comment: the plan `idlc up` would apply (the HR export,
 * overrides and roles as they are now) against the HR export and role files as of a git ref or an older file.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { diffPlans, loadStackAccess, planStack, type AccessPlan, type JmlDiff, type RoleDef } from "../access";
import { readHrExport, readTextFromFileOrGitRef } from "../hr";
import { loadStackPlan, type StackPlan } from "../stack";

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
export const defaultDiffBase = (env: NodeJS.ProcessEnv) => (env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : "HEAD");

/** @param from an HR export file, or a git ref whose HR export and role files are the "before" side. */
export function loadStackDiff(options: { cwd: string; stack: string; from: string; asOf: string }): StackDiff {
  const { cwd, from, asOf } = options;
  const current = loadStackPlan({ cwd, stack: options.stack, asOf });
  const { settings, stackDir, raw } = current.stack;
  const { file, ...hr } = settings.hr!;
  const before = readTextFromFileOrGitRef(from, cwd, path.resolve(stackDir, file));
  // Row problems are `idlc validate`'s to report; the comment shows the people it can read.
  const read = readHrExport({ ...hr, file: before.file, text: before.text });
  // A git ref means the role files as of that ref too, so a role change shows its movers.
  const ref = existsSync(path.resolve(cwd, from)) ? undefined : from.split(":")[0]!;
  const accessBefore = loadStackAccess(raw, stackDir, ref === undefined ? undefined : (f) => readAtRef(ref, f, cwd), file);
  const accessAfter = loadStackAccess(raw, stackDir, undefined, file);
  const planBefore = planStack(read.people, accessBefore, settings.lifecycle, asOf);
  return {
    diff: diffPlans(planBefore, current.plan),
    before: planBefore,
    after: current.plan,
    rolesBefore: accessBefore.catalog.roles,
    rolesAfter: accessAfter.catalog.roles,
    stack: current.stack,
  };
}

/** A role file as of `ref`; one added since is read as it is now (it has no "before"). */
function readAtRef(ref: string, file: string, cwd: string): string {
  try {
    return readTextFromFileOrGitRef(`${ref}:${file}`, cwd).text;
  } catch {
    return readFileSync(file, "utf8");
  }
}
