import { resolve } from "node:path";
import { EngineUsageError } from "../errors";
import type { EngineEventSink } from "../events";
import { runOperation } from "../operations/run-operation";
import type { ChildEnv, OperationKind, OperationResult, PlanSummary } from "../operations/types";
import { createRenderer, rendererMode } from "../output";
import { runWithPulumiCli } from "./pulumi-cli";
import { confirmPlan } from "./confirm";

export { addOperationOptions } from "./operation-options";

export interface OperationFlags {
  stack?: string;
  cwd?: string;
  json?: boolean;
  parallel?: number;
  target?: string[];
  policyPack?: string[];
  policyPackConfig?: string[];
  yes?: boolean;
  engine: "local" | "pulumi";
  debug?: boolean;
  /** A preview that decrypts nothing (RunOperationOptions.sealed); set by `idlc preview`, not a command-line flag. */
  sealed?: boolean;
  continueOnError?: boolean;
}

export interface OperationHooks {
  /** Rewrites `--target` values (e.g. employee ids → URNs) before the engine sees them. */
  mapTargets?: (targets: string[], flags: OperationFlags) => string[] | Promise<string[]>;
  /** Runs after the preview of an `up`, before anything changes; false stops the update. */
  beforeApply?: (plan: PlanSummary, flags: OperationFlags) => boolean | Promise<boolean>;
  /** URNs an `up` applies first, in a targeted update of their own, once `beforeApply` let the plan through. */
  applyFirst?: (plan: PlanSummary) => string[];
  /** URNs an `up` applies again after the whole update, given those whose step failed (RunOperationOptions). */
  applyAfter?: (plan: PlanSummary, failed: ReadonlySet<string>) => string[];
  /**
   * Given the targets of an `up --yes`, whether its plan can be judged in the update's own run
   * (RunOperationOptions.planInRun): true only when the program declares every target and none waits on another.
   */
  planInRun?: (targets: readonly string[]) => boolean | Promise<boolean>;
  /** Sees every engine event the renderer sees (offline engine only: `--engine pulumi` hands the run to the CLI). */
  onEvent?: EngineEventSink;
  /** The caller's additions to its children's environment (RunOperationOptions.childEnv; the Pulumi CLI's too). */
  childEnv?: ChildEnv;
  /** Entries added to each update's history `environment` (RunOperationOptions; offline engine only). */
  historyEnvironment?: () => Record<string, string>;
  /** RunOperationOptions.onProgramStarted; under `--engine pulumi`, whose run blocks, called before it. */
  onProgramStarted?: () => void;
}

/** Runs one operation for the CLI: renders events to stderr (JSON lines to stdout with --json); resolves an exit code. */
export async function runOperationCommand(
  kind: OperationKind,
  flags: OperationFlags,
  hooks: OperationHooks = {},
): Promise<number> {
  const cwd = resolve(flags.cwd ?? process.cwd());
  const targets = flags.target && hooks.mapTargets ? await hooks.mapTargets(flags.target, flags) : flags.target;
  if (flags.engine === "pulumi") {
    const { stack, json, yes, parallel, policyPack: policyPacks, continueOnError } = flags;
    const env = hooks.childEnv?.(targets);
    hooks.onProgramStarted?.();
    return runWithPulumiCli({
      kind,
      cwd,
      stack,
      json,
      yes,
      parallel,
      target: targets,
      policyPacks,
      continueOnError,
      env,
    });
  }
  if (flags.parallel !== undefined && !(flags.parallel > 0)) {
    throw new EngineUsageError("--parallel must be a positive number", "pass --parallel N with N ≥ 1");
  }
  const mode = rendererMode({ json: flags.json, stream: process.stderr });
  const renderer = createRenderer({ mode, stream: mode === "json" ? process.stdout : process.stderr });
  const oneRun = kind === "up" && flags.yes && targets?.length && (await hooks.planInRun?.(targets));
  let result: OperationResult;
  try {
    result = await runOperation({
      kind,
      cwd,
      stack: flags.stack,
      target: targets,
      parallel: flags.parallel,
      policyPacks: flags.policyPack?.map((p) => resolve(p)),
      policyPackConfigs: flags.policyPackConfig?.map((p) => resolve(p)),
      debug: flags.debug,
      sealed: flags.sealed,
      continueOnError: flags.continueOnError,
      onEvent: (e) => {
        renderer.onEvent(e);
        hooks.onEvent?.(e);
      },
      // Like `pulumi up`, an interactive up previews first; `--yes` without a hook goes straight to the update.
      beforeApply:
        kind === "up" && (!flags.yes || hooks.beforeApply) ? (plan) => decide(plan, flags, hooks) : undefined,
      planInRun: oneRun ? targets : undefined,
      applyFirst: hooks.applyFirst,
      applyAfter: hooks.applyAfter,
      childEnv: hooks.childEnv,
      historyEnvironment: hooks.historyEnvironment,
      onProgramStarted: hooks.onProgramStarted,
    });
  } finally {
    renderer.close();
  }
  if (result.error && !flags.json) process.stderr.write(`error: ${result.error.message}\n`);
  return result.result === "succeeded" ? 0 : 1;
}

async function decide(plan: PlanSummary, flags: OperationFlags, hooks: OperationHooks): Promise<boolean> {
  if (hooks.beforeApply && !(await hooks.beforeApply(plan, flags))) return false;
  if (flags.yes) return true;
  if (!process.stdin.isTTY) {
    throw new EngineUsageError(
      "`up` needs --yes when not run interactively",
      "pass --yes (CI), or run in a terminal to confirm the plan",
    );
  }
  return confirmPlan(plan);
}
