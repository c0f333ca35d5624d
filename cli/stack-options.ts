/**
 * The `--stack` and `--as-of` options several commands share, read the same way everywhere.
 */
import { findProject, ProjectCode, ProjectError, resolveStackName } from "../engine/project";
import { loadStackSettings, StackConfigError, type StackSettings } from "../provider/config";
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
 * The stack a command means — `--stack`, else `PULUMI_STACK`, else the project's only stack (engine/project's
 * `resolveStackName`, as `up`, `kill`, `history` and `audit` choose it) — and its settings. A stack or project that
 * does not exist is a mistake in the command line (exit 2), not in the data.
 */
export function stackSettings(name: string | undefined, cwd: string, fix = "Add --stack NAME."): StackSettings {
  return asUsage(() => loadStackSettings({ cwd, stack: chooseStack(name, cwd, fix) }));
}

/** The stack's name, chosen as {@link stackSettings} chooses it. */
export function chooseStack(name: string | undefined, cwd: string, fix = "Add --stack NAME."): string {
  return asUsage(() => {
    try {
      return resolveStackName(findProject(cwd), name);
    } catch (err) {
      if (err instanceof ProjectError && err.code === ProjectCode.stackNotChosen)
        throw new UsageError(err.message, fix);
      throw err;
    }
  });
}

const usageCodes = new Set<string>([ProjectCode.notFound, ProjectCode.stackNameInvalid, "CONFIG_STACK_NOT_FOUND"]);

function asUsage<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if ((err instanceof StackConfigError || err instanceof ProjectError) && usageCodes.has(err.code)) {
      throw new UsageError(err.message, err.fix);
    }
    throw err;
  }
}
