import { IdlcError } from "../errors";

/** The sandbox daemon did not come up. */
export class SandboxStartError extends IdlcError {
  override name = "SandboxStartError";
  constructor(reason: string, logFile: string) {
    super("SANDBOX_START_FAILED", `the sandbox did not start: ${reason}`, {
      fix: `Read ${logFile} for the emulators' output, then run \`idlc sandbox start\` again.`,
      context: { logFile },
    });
  }
}
