/** What `idlc diff` does once parsed (cli/commands/diff.ts defines the command). */
import { existsSync } from "node:fs";
import path from "node:path";
import { diffPlans, formatDiff, loadStackAccess, planStack, usernameLedger } from "../../provider/access";
import { hrSettingsOf } from "../../provider/config";
import { readHrExport } from "../../provider/hr";
import { diskFiles, planBefore, readHrFile } from "../../provider/stack-files";
import type { DiffOptions } from "../commands/diff";
import { UsageError } from "../exit";
import { asOfDate, stackSettings } from "../stack-options";

/** Reads both sides, plans them, and returns the formatted diff. */
export function runDiff(options: DiffOptions, cwd: string): string {
  const asOf = asOfDate(options.asOf);
  const stack = stackSettings(options.stack, cwd);
  const { settings, stackDir, raw } = stack;
  const { file, ...hr } = hrSettingsOf(stack);
  const currentFile = path.resolve(stackDir, file);
  const afterFile = options.to === undefined ? currentFile : path.resolve(cwd, options.to);
  if (options.to !== undefined && !existsSync(afterFile)) {
    throw new UsageError(`--to ${options.to} does not exist`, "Give the path of an HR export (CSV).");
  }
  const before = planBefore(stack, options.from, {
    cwd,
    asOf,
    onMissing: (f) =>
      process.stderr.write(
        `note: ${path.relative(cwd, f)} does not exist at ${options.from}; using the current file for both sides\n`,
      ),
  });
  note(before.issues.filter((i) => i.severity === "error").length, "the --from export");
  const shown = path.relative(cwd, afterFile) || afterFile;
  const after = readHrExport({ ...hr, file: shown, bytes: readHrFile(afterFile, shown) });
  note(after.issues.filter((i) => i.severity === "error").length, "the --to export");
  const accessAfter = loadStackAccess(raw, stackDir, diskFiles, file);
  const planAfter = planStack(after.people, accessAfter, settings.lifecycle, asOf, usernameLedger(before.plan));
  note(planAfter.issues.filter((i) => i.severity === "error").length, "the new access plan");
  return formatDiff(diffPlans(before.plan, planAfter), options.format);
}

function note(errors: number, what: string): void {
  if (errors > 0)
    process.stderr.write(
      `note: ${what} has ${errors} error${errors === 1 ? "" : "s"}; run \`idlc validate\` to see them\n`,
    );
}
