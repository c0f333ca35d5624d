import { IdlcError, type ErrorContext } from "../errors";

/** A program feature the offline engine deliberately does not support (DESIGN §4.9: clear, never silent). */
export class NeedsPulumiCliError extends IdlcError {
  override name = "NeedsPulumiCliError";
  /** `plugin`: the resource plugin a non-dynamic type comes from (its token's package, e.g. `azuread`). */
  constructor(feature: string, context: ErrorContext = {}, plugin?: string) {
    super(
      "ENGINE_NEEDS_PULUMI_CLI",
      `${feature} is not supported by the offline engine; it needs the Pulumi CLI${plugin ? ` and its ${plugin} plugin` : ""}`,
      {
        fix: plugin
          ? pluginFix(plugin)
          : "run the same operation with `--engine pulumi` (Pulumi CLI on PATH), or remove that feature from the program",
        context,
      },
    );
  }
}

function pluginFix(plugin: string): string {
  const install = `run it with \`--engine pulumi\` after \`pulumi plugin install resource ${plugin}\``;
  // azuread is how Entra is managed in "azuread" mode; the Graph mode needs no plugin.
  return plugin === "azuread" ? `${install}; for Entra, \`identity:entra.mode: graph\` works offline` : install;
}

/** A child process (program, provider host, policy pack) failed to start or died. */
export class PluginStartError extends IdlcError {
  override name = "PluginStartError";
  constructor(what: string, detail: string) {
    super("ENGINE_PLUGIN_START", `${what} did not start: ${detail}`, {
      fix: "check that @pulumi/pulumi is installed next to the program (npm install) and that it runs with plain `node`",
      context: { plugin: what },
    });
  }
}

/** A resource step failed; the message names the resource. */
export class StepFailedError extends IdlcError {
  override name = "StepFailedError";
  constructor(urn: string, op: string, detail: string, fix = "fix the cause above and run the operation again") {
    super("ENGINE_STEP_FAILED", `${op} of ${urn} failed: ${detail}`, { fix, context: { urn, op } });
  }
}

/** The Pulumi program exited non-zero. */
export class ProgramFailedError extends IdlcError {
  override name = "ProgramFailedError";
  constructor(exitCode: number | null, reported: boolean) {
    super(
      "ENGINE_PROGRAM_FAILED",
      reported
        ? "the Pulumi program failed (errors reported above)"
        : `the Pulumi program exited unexpectedly with code ${exitCode}`,
      {
        fix: "fix the errors reported above; no resource was deleted and the old state was kept",
        context: { exitCode },
      },
    );
  }
}

/** A resource is protected and the operation would delete or replace it. */
export class ProtectedResourceError extends IdlcError {
  override name = "ProtectedResourceError";
  constructor(urn: string, op: string) {
    super("ENGINE_PROTECTED", `cannot ${op} ${urn}: the resource is protected`, {
      fix: "remove `protect: true` from the resource options and run `up` first, then retry",
      context: { urn },
    });
  }
}

/** A mandatory policy violation stopped the deployment. */
export class PolicyViolationError extends IdlcError {
  override name = "PolicyViolationError";
  constructor(urn: string, messages: string[]) {
    super("ENGINE_POLICY_VIOLATION", `mandatory policy violation for ${urn}: ${messages.join("; ")}`, {
      fix: "change the program or data so the policy passes (see the policy message)",
      context: { urn },
    });
  }
}

/** Command-level misuse of the engine (missing pulumi binary, bad target, …). */
export class EngineUsageError extends IdlcError {
  override name = "EngineUsageError";
  constructor(message: string, fix: string) {
    super("ENGINE_USAGE", message, { fix });
  }
}

/** `stack output NAME` for a name the stack does not export. */
export class UnknownOutputError extends IdlcError {
  override name = "UnknownOutputError";
  constructor(output: string, known: string[]) {
    super("ENGINE_UNKNOWN_OUTPUT", `the stack has no output named '${output}'`, {
      fix: known.length ? `use one of: ${known.join(", ")}` : "the stack has no outputs yet; run `idlc up` first",
    });
  }
}
