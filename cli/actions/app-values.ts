/**
 * `idlc preview`'s look at the values each app will receive, before the engine runs: names mapped for an app
 * (warnings) and values an app would refuse (errors, one line per person, app and field). Previews need no
 * secret (DESIGN.md §4.12): this reads only the HR export, roles and stack config.
 */
import { resolve } from "node:path";
import { findProject, resolveStackName } from "../../engine/project";
import { appValueIssues } from "../../provider/access";
import { loadStackSettings } from "../../provider/config";
import { formatIssue, IdlcError, type Issue } from "../../errors";
import { loadStackPlan } from "../../provider/stack-plan";
import type { IdentityFlags } from "../identity/hooks";
import { asOfDate } from "../stack-options";

/**
 * The app-value issues of the identity stack `flags` name; none for any other program, or when its inputs do not
 * load (the program then reports that itself, with everything else wrong in them).
 */
export function previewAppValues(flags: IdentityFlags): Issue[] {
  try {
    const project = findProject(resolve(flags.cwd ?? process.cwd()));
    const stack = resolveStackName(project, flags.stack);
    if (!loadStackSettings({ cwd: project.dir, stack }).settings.hr) return [];
    const { plan, people, stack: loaded } = loadStackPlan({ cwd: project.dir, stack, asOf: asOfDate(flags.asOf) });
    return appValueIssues(plan, people, loaded.raw);
  } catch (err) {
    if (err instanceof IdlcError) return [];
    throw err;
  }
}

/** The issues as `idlc validate` prints them, under one line saying what they are; nothing when there are none. */
export function formatAppValues(issues: readonly Issue[]): string {
  if (issues.length === 0) return "";
  const refused = issues.filter((i) => i.severity === "error").length;
  const head =
    `${issues.length - refused} name(s) mapped for an app, ${refused} value(s) an app would refuse ` +
    "(each stays with its person and app; everyone else is applied):";
  return `${[head, ...issues.map((i) => `  ${formatIssue(i)}`)].join("\n")}\n`;
}
