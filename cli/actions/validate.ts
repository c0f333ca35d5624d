/** What `idlc validate` does once parsed (cli/commands/validate.ts defines the command and its hook). */
import { existsSync } from "node:fs";
import path from "node:path";
import pc from "picocolors";
import { hrSettingsOf } from "../../provider/config";
import { formatIssue, type Issue } from "../../errors";
import {
  allApps,
  checkAnomalies,
  HrIssueCode,
  HrSourceError,
  lifecycleOf,
  LifecycleState,
  readHrExport,
  stackNeeds,
  type ReadHrExportOptions,
} from "../../provider/hr";
import { readHrFile, readFromFileOrGitRef } from "../../provider/stack-files";
import type { ValidateCheck, ValidateOptions } from "../commands/validate";
import { ExitCode, UsageError } from "../exit";
import { asOfDate, stackSettings } from "../stack-options";

export async function runValidate(
  options: ValidateOptions,
  cwd: string,
  extraChecks: readonly ValidateCheck[],
): Promise<number> {
  const asOf = asOfDate(options.asOf);
  const { stack, hr, absoluteFile, lifecycle, anomaly } = resolveSource(options, cwd);
  const { people, issues, fields } = readHrExport({ ...hr, bytes: readHrFile(absoluteFile, hr.file) });

  if (options.previous !== undefined) {
    let previous;
    try {
      previous = readFromFileOrGitRef(options.previous, cwd, absoluteFile);
    } catch (err) {
      if (err instanceof HrSourceError) throw new UsageError(err.message, err.fix);
      throw err;
    }
    const read = readHrExport({ ...hr, file: previous.file, bytes: previous.bytes });
    // A previous export that is not text has no people: said, rather than compared as an empty company.
    issues.push(...read.issues.filter((i) => i.code === HrIssueCode.notText));
    const before = read.people;
    const severity: Issue["severity"] = options.acceptAnomalies ? "warning" : "error";
    issues.push(...checkAnomalies(before, people, anomaly).map((i) => ({ ...i, severity })));
  }
  for (const check of extraChecks) issues.push(...(await check({ people, fields, asOf, stack })));

  const states = people.map((p) => lifecycleOf(p, asOf, lifecycle));
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  if (options.json) {
    const shape = (i: Issue) => ({
      file: i.file,
      row: i.row,
      column: i.column,
      code: i.code,
      message: i.message,
      fix: i.fix,
    });
    const out = {
      ok: errors.length === 0,
      asOf,
      file: hr.file,
      people: people.map((p, i) => ({ ...p, lifecycle: states[i] })),
      summary: countStates(states),
      errors: errors.map(shape),
      warnings: warnings.map(shape),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    for (const issue of issues) process.stdout.write(`${formatIssue(issue)}\n`);
    const counts = Object.entries(countStates(states))
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}`)
      .join(", ");
    const verdict = errors.length === 0 ? pc.green("ok") : pc.red("failed");
    process.stdout.write(
      `${verdict} ${hr.file}: ${people.length} people as of ${asOf} (${counts || "none"}); ` +
        `${errors.length} error${errors.length === 1 ? "" : "s"}, ${warnings.length} warning${warnings.length === 1 ? "" : "s"}\n`,
    );
  }
  return errors.length === 0 ? ExitCode.ok : ExitCode.failed;
}

/** Where the export is and how to read it: from `--file` and flags, or from the stack's settings. */
function resolveSource(options: ValidateOptions, cwd: string) {
  const defaults = {
    lifecycle: { preHireDays: 7, retentionDays: 30 },
    anomaly: { maxDropPercent: 5, maxDepartmentChangePercent: 15 },
  };
  const flags = { preset: options.preset, dateFormat: options.dateFormat };
  if (options.file !== undefined) {
    if (options.stack !== undefined) throw new UsageError("--file and --stack exclude each other", "Give one of them.");
    const absoluteFile = path.resolve(cwd, options.file);
    if (!existsSync(absoluteFile))
      throw new UsageError(`--file ${options.file} does not exist`, "Give the path of an HR export (CSV).");
    // Without a stack every app is assumed, as with `identity:apps` unset: the work email is needed.
    const hr: ReadHrExportOptions = { file: options.file, apps: allApps, ...defined(flags) };
    return { stack: undefined, hr, absoluteFile, ...defaults };
  }
  const stack = stackSettings(options.stack, cwd, "Add --stack NAME, or use --file FILE.");
  const settings = stack.settings;
  const { file, ...hrSettings } = hrSettingsOf(stack);
  const absoluteFile = path.resolve(stack.stackDir, file);
  const hr: ReadHrExportOptions = {
    ...hrSettings,
    ...stackNeeds(stack.raw),
    ...defined(flags),
    file: path.relative(cwd, absoluteFile) || absoluteFile,
  };
  return { stack, hr, absoluteFile, lifecycle: settings.lifecycle, anomaly: settings.anomaly };
}

function countStates(states: LifecycleState[]): Record<LifecycleState, number> {
  const counts = Object.fromEntries(LifecycleState.options.map((s) => [s, 0])) as Record<LifecycleState, number>;
  for (const s of states) counts[s]++;
  return counts;
}

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
