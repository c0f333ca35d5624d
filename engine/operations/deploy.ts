import type { PolicyHook } from "../deploy/context";
import type { EngineEventPayload } from "../events";
import { collectDeletes, runDeletes } from "../deploy/delete-phase";
import { journalPersistence } from "../deploy/persistence";
import { ProgramFailedError } from "../errors";
import type { FailedStep } from "../state";
import type { PropertyMap } from "../properties";
import { buildContext } from "./build-context";
import type { PreparedStack } from "./prepare";
import { resolvePendingOperations } from "./recover";
import { EXIT_ERROR_REPORTED, launchProgram, withMonitor } from "./run-program";
import type { UpdateJournal } from "./session";
import type { PlanSummary, RunOperationOptions } from "./types";

const failedStep = (err: Error): FailedStep => {
  const context = (err as { context?: { urn?: string; op?: string } }).context ?? {};
  // A step error reads "<op> of <urn> failed: <provider's message>"; the history keeps the provider's part.
  const message = err.message.replace(/^\S+ of \S+ failed: /, "").slice(0, 1000);
  return { urn: context.urn ?? "", op: context.op ?? "", message };
};

/** The failed steps of a `--continue-on-error` run as one error, or undefined when none failed. */
function stepsFailed(errors: readonly Error[]): Error | undefined {
  if (errors.length <= 1) return errors[0];
  const lines = errors.map((e) => `  ${e.message}`).join("\n");
  return new Error(`${errors.length} resource operations failed; every other change was applied:\n${lines}`);
}

export interface DeployOutcome {
  ok: boolean;
  error?: Error;
  /** With `--continue-on-error`: the steps that failed, for the history (engine/state `failedStepsEnvironment`). */
  failedSteps?: FailedStep[];
  outputs: PropertyMap;
  counts: Record<string, number>;
  steps: PlanSummary["steps"];
}

/**
 * One run of the program: a preview (`journal` absent: no Create/Update/Delete, unknowns flow back to the program)
 * or an update. Deletes of undeclared resources happen only after the program exits 0; otherwise every old resource
 * stays in state.
 */
export async function deploy(
  prepared: PreparedStack,
  options: RunOperationOptions & { parallel: number; emit: (e: EngineEventPayload) => void },
  journal: UpdateJournal | undefined,
  policy: PolicyHook | undefined,
): Promise<DeployOutcome> {
  const dryRun = !journal;
  const steps: DeployOutcome["steps"] = [];
  const emit = (e: EngineEventPayload) => {
    const m = e.resourcePreEvent?.metadata;
    if (m && m.op !== "same") {
      steps.push({
        op: m.op,
        urn: m.urn,
        type: m.type,
        old: m.old && { inputs: m.old.inputs },
        new: m.new && { inputs: m.new.inputs },
      });
    }
    options.emit(e);
  };
  return withMonitor(
    (engineAddress) =>
      buildContext({
        prepared,
        dryRun,
        engineAddress,
        persistence: journal && journalPersistence(journal, prepared.secrets),
        parallel: options.parallel,
        targets: options.target,
        emit,
        policy,
        env: options.env,
        continueOnError: options.continueOnError,
      }),
    async (ctx, monitor, gen, errors, failures) => {
      await resolvePendingOperations(ctx, prepared);
      const exitCode = await launchProgram(
        ctx,
        monitor.address,
        {
          prepared,
          parallel: options.parallel,
          debug: options.debug,
          heapMb: options.programHeapMb,
          env: options.env,
          targets: options.target,
          childEnv: options.childEnv,
          onStarted: options.onProgramStarted,
        },
        failures,
      );
      let error: Error | undefined = errors[0];
      if (exitCode === 0 && !error) {
        try {
          const registered = new Set(gen.news.keys());
          const doomed = collectDeletes(ctx, gen.processed, registered, gen.replacedOlds);
          const stateOf = (urn: string) => gen.news.get(urn) ?? ctx.olds.get(urn);
          await runDeletes(ctx, doomed, (r) => (r.delete ? "delete-replaced" : "delete"), stateOf);
          if (policy) {
            const violations = await policy.analyzeStack([...gen.news.values()]);
            if (violations.length > 0) error = new Error(`mandatory stack policy violations: ${violations.join("; ")}`);
          }
        } catch (err) {
          error = err as Error;
        }
      } else {
        error ??= new ProgramFailedError(exitCode, exitCode === EXIT_ERROR_REPORTED);
      }
      // `--continue-on-error`: everything else was applied, and the run still ends failed (as Go's does).
      error ??= stepsFailed(ctx.failed.errors);
      const failedSteps = ctx.failed.errors.map(failedStep);
      const counts = ctx.counts as Record<string, number>;
      return { ok: !error, error, failedSteps, outputs: gen.stackOutputs, counts, steps };
    },
    options.debug,
  );
}
