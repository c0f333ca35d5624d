/**
 * `idlc validate`: reads the stack's HR export (or one `--file`), validates it, runs the anomaly gate against
 * a previous export, and prints every issue plus people per lifecycle state. Exit 0 clean, 1 data errors
 * (blocking anomalies included unless `--accept-anomalies`), 2 usage errors.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Option, type Command } from "commander";
import pc from "picocolors";
import { StackConfigError, type StackSettings } from "../../provider/config";
import { checkStackAccess } from "../../provider/access";
import { formatIssue, type Issue } from "../../provider/errors";
import {
  checkAnomalies, HrSourceError, IsoDate, lifecycleOf, LifecycleState, PresetName, readHrExport,
  readTextFromFileOrGitRef, type Person, type ReadHrExportOptions,
} from "../../provider/hr";
import { ExitCode, UsageError } from "../exit";
import { asOfDate, stackSettings } from "../stack-options";

/** What an extra check sees: the validated people, the date, and the stack (absent with `--file`). */
export interface ValidateContext {
  people: Person[];
  asOf: IsoDate;
  stack: StackSettings | undefined;
}
export type ValidateCheck = (ctx: ValidateContext) => Issue[];

/**
 * Hook point: checks run after the HR export is read, in order, their issues reported with the export's
 * (role and persona checks register here, e.g. `extraChecks.push(checkRoles)`).
 */
export const extraChecks: ValidateCheck[] = [
  // Roles, assignment rules, approvals and persona tests of the stack (provider/access).
  ({ people, asOf, stack }) => (stack ? checkStackAccess(people, asOf, stack) : []),
];

interface ValidateOptions {
  stack?: string;
  file?: string;
  preset?: PresetName;
  dateFormat?: string;
  previous?: string;
  asOf?: string;
  acceptAnomalies?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command("validate")
    .description("parse and validate the HR export; gate anomalies against a previous export")
    .option("--stack <name>", "stack whose identity:hr export to check (default: the only stack)")
    .option("--file <path>", "check one export without a stack")
    .addOption(new Option("--preset <name>", "HR vendor preset").choices(PresetName.options))
    .option("--date-format <format>", "date-fns format of non-ISO dates, e.g. dd.MM.yyyy")
    .option("--previous <fileOrGitRef>", "previous export: a file, or a git ref (origin/main, HEAD~1) of the same file")
    .option("--as-of <date>", "lifecycle date, yyyy-MM-dd (default: today)")
    .option("--accept-anomalies", "report anomalies as warnings instead of blocking")
    .option("--json", "print the result as JSON on stdout")
    .action((options: ValidateOptions) => {
      process.exitCode = runValidate(options, process.cwd());
    });
}

function runValidate(options: ValidateOptions, cwd: string): number {
  const asOf = asOfDate(options.asOf);
  const { stack, hr, absoluteFile, lifecycle, anomaly } = resolveSource(options, cwd);
  const { people, issues } = readHrExport(hr);

  if (options.previous !== undefined) {
    let previous;
    try {
      previous = readTextFromFileOrGitRef(options.previous, cwd, absoluteFile);
    } catch (err) {
      if (err instanceof HrSourceError) throw new UsageError(err.message, err.fix);
      throw err;
    }
    const before = readHrExport({ ...hr, file: previous.file, text: previous.text }).people;
    const severity: Issue["severity"] = options.acceptAnomalies ? "warning" : "error";
    issues.push(...checkAnomalies(before, people, anomaly).map((i) => ({ ...i, severity })));
  }
  for (const check of extraChecks) issues.push(...check({ people, asOf, stack }));

  const states = people.map((p) => lifecycleOf(p, asOf, lifecycle));
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  if (options.json) {
    const shape = (i: Issue) => ({ file: i.file, row: i.row, column: i.column, code: i.code, message: i.message, fix: i.fix });
    const out = { ok: errors.length === 0, asOf, file: hr.file, people: people.map((p, i) => ({ ...p, lifecycle: states[i] })),
      summary: countStates(states), errors: errors.map(shape), warnings: warnings.map(shape) };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    for (const issue of issues) process.stdout.write(`${formatIssue(issue)}\n`);
    const counts = Object.entries(countStates(states)).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(", ");
    const verdict = errors.length === 0 ? pc.green("ok") : pc.red("failed");
    process.stdout.write(`${verdict} ${hr.file}: ${people.length} people as of ${asOf} (${counts || "none"}); ` +
      `${errors.length} error${errors.length === 1 ? "" : "s"}, ${warnings.length} warning${warnings.length === 1 ? "" : "s"}\n`);
  }
  return errors.length === 0 ? ExitCode.ok : ExitCode.failed;
}

/** Where the export is and how to read it: from `--file` and flags, or from the stack's settings. */
function resolveSource(options: ValidateOptions, cwd: string) {
  const defaults = { lifecycle: { preHireDays: 7, retentionDays: 30 }, anomaly: { maxDropPercent: 5, maxDepartmentChangePercent: 15 } };
  const flags = { preset: options.preset, dateFormat: options.dateFormat };
  if (options.file !== undefined) {
    if (options.stack !== undefined) throw new UsageError("--file and --stack exclude each other", "Give one of them.");
    const absoluteFile = path.resolve(cwd, options.file);
    if (!existsSync(absoluteFile)) throw new UsageError(`--file ${options.file} does not exist`, "Give the path of an HR export (CSV).");
    const hr: ReadHrExportOptions = { file: options.file, ...defined(flags) };
    return { stack: undefined, hr, absoluteFile, ...defaults };
  }
  const stack = stackSettings(options.stack, cwd, "Add --stack NAME, or use --file FILE.");
  const settings = stack.settings;
  if (!settings.hr) {
    throw new StackConfigError("CONFIG_INVALID", `${stack.stackFile} has no identity:hr setting`,
      "Add identity:hr with at least `file:` (the export, relative to the stack file).", { file: stack.stackFile });
  }
  const { file, ...hrSettings } = settings.hr;
  const absoluteFile = path.resolve(stack.stackDir, file);
  const hr: ReadHrExportOptions = { ...hrSettings, ...defined(flags), file: path.relative(cwd, absoluteFile) || absoluteFile };
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
