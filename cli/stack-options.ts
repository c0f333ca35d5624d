/**
 * The `--stack` and `--as-of` options several commands share, read the same way everywhere.
 */
import { findProject, listStacks, loadStackSettings, StackConfigError, type StackSettings } from "../provider/config";
import { UsageError } from "./exit";

/** `--as-of` as `yyyy-MM-dd`, or today (UTC, the day the engine and the program use). */
export function asOfDate(value: string | undefined): string {
  const asOf = value ?? new Date().toISOString().slice(0, 10);
  const day = new Date(`${asOf}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== asOf) {
    throw new UsageError(`--as-of "${asOf}" is not a date`, "Write it as yyyy-MM-dd, e.g. --as-of 2026-12-01.");
  }
  return asOf;
}

/**
 * The settings of `--stack`, or of the project's only stack. A stack or project that does not exist is a mistake
 * in the command line (exit 2), not in the data.
 */
export function stackSettings(name: string | undefined, cwd: string, fix = "Add --stack NAME."): StackSettings {
  try {
    const known = name === undefined ? listStacks(findProject(cwd)) : [name];
    if (known.length !== 1) throw new UsageError(`choose a stack with --stack (stacks: ${known.join(", ") || "none"})`, fix);
    return loadStackSettings({ cwd, stack: known[0]! });
  } catch (err) {
    if (err instanceof StackConfigError && err.code !== "CONFIG_INVALID") throw new UsageError(err.message, err.fix);
    throw err;
  }
}
