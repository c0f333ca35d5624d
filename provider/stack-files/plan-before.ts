import { existsSync } from "node:fs";
import path from "node:path";
import { loadStackAccess, planStack, type AccessPlan, type StackAccess } from "../access";
import { hrSettingsOf, type StackSettings } from "../config";
import type { Issue } from "../errors";
import { readHrExport, type Person } from "../hr";
import { diskFiles, filesAtRef } from "./disk";
import { readFromFileOrGitRef } from "./git-source";

/** The "before" side of a stack change, planned on `asOf`. */
export interface PlanBefore {
  people: Person[];
  /** The HR export's row problems (`idlc validate` reports them; a diff shows the people it can read). */
  issues: Issue[];
  access: StackAccess;
  plan: AccessPlan;
}

/**
 * Plans a stack as of `from`: an HR export file, or a git ref (`REF` or `REF:path`) whose HR export *and* role
 * files are read, so a change that only edits roles still shows its movers. `idlc diff` and the preview comment
 * share it.
 * @param onMissing hears of a role file that did not exist at the ref (read as it is now).
 * @throws HrSourceError when `from` is neither a readable file nor a ref holding the export.
 */
export function planBefore(
  stack: StackSettings,
  from: string,
  options: { cwd: string; asOf: string; onMissing?: (file: string) => void },
): PlanBefore {
  const { settings, stackDir, raw } = stack;
  const { cwd, asOf } = options;
  const { file, ...hr } = hrSettingsOf(stack);
  const source = readFromFileOrGitRef(from, cwd, path.resolve(stackDir, file));
  const { people, issues } = readHrExport({ ...hr, file: source.file, bytes: source.bytes });
  const ref = existsSync(path.resolve(cwd, from)) ? undefined : from.split(":")[0]!;
  const files = ref === undefined ? diskFiles : filesAtRef(ref, cwd, options.onMissing);
  const access = loadStackAccess(raw, stackDir, files, file);
  return { people, issues, access, plan: planStack(people, access, settings.lifecycle, asOf) };
}
