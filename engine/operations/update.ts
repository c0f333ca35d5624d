/** One update of a stack: a journal, the program run against it, the journal finished whatever happened. */
import type { PolicyHook } from "../deploy/context";
import type { EngineEventPayload } from "../events";
import { failedStepsEnvironment } from "../state";
import { deploy, type DeployOutcome } from "./deploy";
import type { PreparedStack } from "./prepare";
import type { UpdateJournal } from "./session";
import type { RunOperationOptions } from "./types";

export type UpdateOptions = RunOperationOptions & { parallel: number; emit: (e: EngineEventPayload) => void };

export async function update(
  prepared: PreparedStack,
  started: number,
  opts: UpdateOptions,
  policy: PolicyHook | undefined,
): Promise<DeployOutcome> {
  const journal = await prepared.session.startUpdate("update", prepared.secrets.secretsProviders);
  return finishing(journal, prepared, started, () => deploy(prepared, opts, journal, policy), opts.historyEnvironment);
}

/** Runs an update and always finishes its journal (a crash of the engine itself leaves it for recovery instead). */
export async function finishing(
  journal: UpdateJournal,
  prepared: PreparedStack,
  started: number,
  run: () => Promise<DeployOutcome>,
  extra: RunOperationOptions["historyEnvironment"],
): Promise<DeployOutcome> {
  let outcome: DeployOutcome;
  try {
    outcome = await run();
  } catch (err) {
    outcome = { ok: false, error: err as Error, outputs: {}, counts: {}, steps: [] };
  }
  await journal.finish(finishInfo(prepared, outcome, started, extra));
  return outcome;
}

function finishInfo(
  prepared: PreparedStack,
  outcome: DeployOutcome,
  started: number,
  extra: RunOperationOptions["historyEnvironment"],
) {
  return {
    result: outcome.ok ? ("succeeded" as const) : ("failed" as const),
    resourceChanges: outcome.counts,
    config: prepared.historyConfig(),
    startTime: Math.floor(started / 1000),
    environment: { ...callerEnvironment(extra), ...failedStepsEnvironment(outcome.failedSteps) },
  };
}

/** The caller's history entries; one that throws is left out, since the update must be recorded whatever happens. */
function callerEnvironment(extra: RunOperationOptions["historyEnvironment"]): Record<string, string> {
  try {
    return extra?.() ?? {};
  } catch {
    return {};
  }
}
