import type { DeployContext } from "../deploy/context";
import { StepGenerator } from "../deploy/step-generator";
import { warmHost } from "../deploy/warm-host";
import { EXIT_ERROR_REPORTED, programHeapArgs, runProgram } from "../host";
import { startMonitor, type MonitorServer } from "../monitor";
import type { DiagnosticSeverity } from "../events";
import type { PreparedStack } from "./prepare";
import type { ChildEnv } from "./types";

const SEVERITIES: DiagnosticSeverity[] = ["debug", "info", "warning", "error"];

export interface ProgramRunOptions {
  prepared: PreparedStack;
  parallel: number;
  debug?: boolean;
  heapMb?: number;
  env?: NodeJS.ProcessEnv;
  targets?: string[];
  childEnv?: ChildEnv;
  /** RunOperationOptions.onProgramStarted. */
  onStarted?: () => void;
}

export interface ProgramRun {
  gen: StepGenerator;
  exitCode: number;
  /** The first step error, if a registration failed. */
  firstError?: Error;
}

/** Starts the monitor, lets the context reach it, runs the program to completion and closes the monitor. */
export async function withMonitor<T>(
  ctxFor: (address: () => string) => { ctx: DeployContext; closeHost: () => void },
  body: (
    ctx: DeployContext,
    monitor: MonitorServer,
    gen: StepGenerator,
    errors: Error[],
    failures: FailureSignal,
  ) => Promise<T>,
  debug = false,
): Promise<T> {
  let address = "";
  const { ctx, closeHost } = ctxFor(() => address);
  const gen = new StepGenerator(ctx);
  const errors: Error[] = [];
  const failures = failureSignal();
  const monitor = await startMonitor({
    register: (r) =>
      gen.register(r).catch((err: Error) => {
        errors.push(err);
        failures.fire();
        throw err;
      }),
    registerOutputs: (urn, outputs) => gen.registerOutputs(urn, outputs),
    unsupported: (err) => {
      errors.push(err);
      failures.fire();
    },
    log: ({ severity, message, urn, ephemeral }) => {
      if (severity === 3) failures.fire();
      if (severity === 0 && !debug) return;
      // An ephemeral status is passed as sent: an empty one ends the status before it.
      const text = ephemeral ? message : `${message}\n`;
      const level = SEVERITIES[severity] ?? "info";
      const diagnostic = { urn: urn || undefined, message: text, color: "raw", severity: level } as const;
      ctx.emit({ diagnosticEvent: ephemeral ? { ...diagnostic, ephemeral } : diagnostic });
    },
  });
  address = monitor.address;
  try {
    return await body(ctx, monitor, gen, errors, failures);
  } finally {
    closeHost();
    await monitor.close();
  }
}

export interface FailureSignal {
  fire(): void;
  onFirst(listener: () => void): void;
}

/** Fires its listeners once, on the first failure (a failed step or an error logged by the program). */
function failureSignal(): FailureSignal {
  let fired = false;
  const listeners: Array<() => void> = [];
  return {
    fire() {
      if (fired) return;
      fired = true;
      for (const l of listeners) l();
    },
    onFirst(listener) {
      if (fired) listener();
      else listeners.push(listener);
    },
  };
}

/** Runs the user's program against the monitor; resolves its exit code (32 = already reported). */
export async function launchProgram(
  ctx: DeployContext,
  address: string,
  options: ProgramRunOptions,
  failures: { onFirst(listener: () => void): void },
): Promise<number> {
  const { prepared } = options;
  const typescript = prepared.project.runtime.options.typescript !== false;
  const program = runProgram({
    programDir: prepared.project.dir,
    rootDir: prepared.project.dir,
    entry: prepared.project.main,
    project: prepared.project.name,
    stack: prepared.stack,
    monitorAddress: address,
    dryRun: ctx.dryRun,
    parallel: options.parallel,
    config: prepared.config,
    secretKeys: prepared.secretKeys,
    typescript,
    nodeArgs: programHeapArgs(options.heapMb),
    debug: options.debug,
    env: { ...options.env, ...options.childEnv?.(options.targets) },
    onStdout: (line) => ctx.emit({ diagnosticEvent: { message: `${line}\n`, color: "raw", severity: "info" } }),
  });
  // Like the Go engine, a failed step cancels the program: it gets a moment to report, then is stopped (the SDK
  // can otherwise wait forever on a resource whose registration failed).
  failures.onFirst(() => setTimeout(() => program.kill(), CANCEL_GRACE_MS).unref());
  // A stack with resources will check them: start the provider host now, beside the program's own start-up, not
  // after its first registration, and have it load the providers' code while the program loads its modules on one
  // core. Not before the program has its run: until then the engine's start-up and the program's (started ahead)
  // keep both cores busy. A start that fails is kept and reported by the first step that needs the host.
  if (ctx.olds.size > 0) void warmHost(ctx);
  options.onStarted?.();
  return program.exited;
}

const CANCEL_GRACE_MS = 3000;

export { EXIT_ERROR_REPORTED };
