/** What `idlc diff` does once parsed (cli/commands/diff.ts defines the command). */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { diffPlans, formatDiff, loadStackAccess, planStack, usernameLedger } from "../../provider/access";
import { StackConfigError } from "../../provider/config";
import { readHrExport, readTextFromFileOrGitRef, type Person } from "../../provider/hr";
import type { DiffOptions } from "../commands/diff";
import { UsageError } from "../exit";
import { asOfDate, stackSettings } from "../stack-options";

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
