import pc from "picocolors";
import { IdlcError } from "../errors";

/** Exit codes of the CLI contract (DESIGN.md §5). */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const;

/** A usage mistake the commander parser cannot see (e.g. two options that exclude each other). */
export class UsageError extends IdlcError {
  override name = "UsageError";
  constructor(message: string, fix?: string) {
    super("USAGE", message, { fix });
  }
}

/** The edge where an error value becomes one clear message on stderr and an exit code. */
export function reportAndExit(err: unknown): never {
  if (err instanceof IdlcError) {
    const fix = err.fix ? `\n  fix: ${err.fix}` : "";
    process.stderr.write(`${pc.red("error")} ${err.code}: ${err.message}${fix}\n`);
    process.exit(err instanceof UsageError ? ExitCode.usage : ExitCode.failed);
  }
  process.stderr.write(`${pc.red("error")} ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(ExitCode.failed);
}
