/**
 * `idlc diff --from FILE|GITREF [--to FILE]`: the joiner/mover/leaver summary of a change to the HR export (and,
 * with a git ref, to the role files): who gains and loses what in each app. Text for a terminal, `md` for a PR
 * comment, `json` for tools. Always exit 0; data problems are noted on stderr (`idlc validate` gates on them).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Option, type Command } from "commander";
import { diffPlans, formatDiff, loadStackAccess, planStack, usernameLedger, type DiffFormat } from "../../provider/access";
import { StackConfigError } from "../../provider/config";
import { readHrExport, readTextFromFileOrGitRef, type Person } from "../../provider/hr";
import { ExitCode, UsageError } from "../exit";
import { asOfDate, stackSettings } from "../stack-options";

interface DiffOptions {
  from: string;
  to?: string;
  stack?: string;
  asOf?: string;
  format: DiffFormat;
}

export function register(program: Command): void {
  program
    .command("diff")
    .description("joiners, movers, leavers and rehires between two HR exports: who gains and loses what, per app")
    .requiredOption("--from <fileOrGitRef>", "the export before: a file, or a git ref (origin/main, HEAD~1) of the stack's export and role files")
    .option("--to <file>", "the export after (default: the stack's identity:hr file)")
    .option("--stack <name>", "stack whose roles and settings to use (default: the only stack)")
    .option("--as-of <date>", "plan both sides as of this date, yyyy-MM-dd (default: today)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "md", "json"]).default("text"))
    .action((options: DiffOptions) => {
      process.stdout.write(runDiff(options, process.cwd()));
      process.exitCode = ExitCode.ok;
    });
}

/** Reads both sides, plans them, and returns the formatted diff. */
export function runDiff(options: DiffOptions, cwd: string): string {
  const asOf = asOfDate(options.asOf);
  const stack = stackSettings(options.stack, cwd);
  const { settings, stackDir, raw } = stack;
  if (!settings.hr) {
    throw new StackConfigError("CONFIG_INVALID", `${stack.stackFile} has no identity:hr setting`, "Add identity:hr with at least `file:` (the export, relative to the stack file).", { file: stack.stackFile });
  }
  const { file, ...hr } = settings.hr;
  const currentFile = path.resolve(stackDir, file);
  const afterFile = options.to === undefined ? currentFile : path.resolve(cwd, options.to);
  if (!existsSync(afterFile)) throw new UsageError(`--to ${options.to} does not exist`, "Give the path of an HR export (CSV).");
  const before = readTextFromFileOrGitRef(options.from, cwd, currentFile);
  // A git ref (not a file) also means "the role files as of that ref", so a PR that changes roles shows its movers.
  const ref = existsSync(path.resolve(cwd, options.from)) ? undefined : options.from.split(":")[0]!;
  const people = (source: { file: string; text: string }, label: string): Person[] => {
    const { people: found, issues } = readHrExport({ ...hr, file: source.file, text: source.text });
    note(issues.filter((i) => i.severity === "error").length, `the ${label} export`);
    return found;
  };
  const accessBefore = loadStackAccess(raw, stackDir, ref === undefined ? undefined : (f) => readAtRef(ref, f, cwd), file);
  const accessAfter = loadStackAccess(raw, stackDir, undefined, file);
  const planBefore = planStack(people(before, "--from"), accessBefore, settings.lifecycle, asOf);
  const planAfter = planStack(people({ file: path.relative(cwd, afterFile) || afterFile, text: readFileSync(afterFile, "utf8") }, "--to"), accessAfter, settings.lifecycle, asOf, usernameLedger(planBefore));
  note(planAfter.issues.filter((i) => i.severity === "error").length, "the new access plan");
  return formatDiff(diffPlans(planBefore, planAfter), options.format);
}

/** A role file as of `ref`; one that did not exist yet is read as it is now, said on stderr. */
function readAtRef(ref: string, file: string, cwd: string): string {
  try {
    return readTextFromFileOrGitRef(`${ref}:${file}`, cwd).text;
  } catch {
    process.stderr.write(`note: ${path.relative(cwd, file)} does not exist at ${ref}; using the current file for both sides\n`);
    return readFileSync(file, "utf8");
  }
}

function note(errors: number, what: string): void {
  if (errors > 0) process.stderr.write(`note: ${what} has ${errors} error${errors === 1 ? "" : "s"}; run \`idlc validate\` to see them\n`);
}
