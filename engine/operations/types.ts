import type { EngineEventSink, StepOp } from "../events";
import type { PropertyMap } from "../properties";

export type OperationKind = "preview" | "up" | "refresh" | "destroy";

/** What `up` shows a caller before applying (the plan of the preview it ran first). */
export interface PlanSummary {
  resourceChanges: Partial<Record<StepOp, number>>;
  /** URNs per planned op, e.g. `{ delete: [...] }`. */
  /** Inputs before and after (secrets masked) let a caller judge what a step does, e.g. an account disabled. */
  steps: Array<{
    op: StepOp;
    urn: string;
    type: string;
    old?: { inputs: Record<string, unknown> };
    new?: { inputs: Record<string, unknown> };
  }>;
}

export interface RunOperationOptions {
  kind: OperationKind;
  /** Directory to search upward from for Pulumi.yaml. */
  cwd: string;
  stack?: string;
  /** `up --target URN…` (also accepted by preview/refresh/destroy to limit scope). */
  target?: string[];
  parallel?: number;
  policyPacks?: string[];
  /** Pulumi policy config JSON files, matched to `policyPacks` by position. */
  policyPackConfigs?: string[];
  onEvent?: EngineEventSink;
  /** Called after the preview an `up` runs first; return false to stop before anything changes. */
  beforeApply?: (plan: PlanSummary) => boolean | Promise<boolean>;
  /**
   * Called with the same plan once `beforeApply` let it through: URNs to apply first, in a targeted update of their
   * own committed before the rest of the `up` starts (idlc: every cutoff before anything else). Default: none.
   */
  applyFirst?: (plan: PlanSummary) => string[];
  /**
   * URNs an `up` applies again, in a targeted update after the whole one, given the URNs whose step failed (idlc: an
   * account created before its manager's account existed, so the manager link is set in the same `up`). Default: none.
   */
  applyAfter?: (plan: PlanSummary, failed: ReadonlySet<string>) => string[];
  /**
   * A targeted `up` whose `beforeApply` judges the update's own plan, in one run of the program (not a preview run
   * first): provider calls that would change something wait until each of these URNs has been planned, then the gate
   * judges; refused, none runs and no history is written. For targets the program declares that wait on nothing among
   * themselves (idlc's kill switch: one person's cutoffs); `applyFirst`/`applyAfter` do not apply. Default: two runs.
   */
  planInRun?: readonly string[];
  /** Show the SDK's debug logs (Engine.Log severity 0). */
  debug?: boolean;
  /** Extra environment for the program and plugins. */
  env?: NodeJS.ProcessEnv;
  /**
   * The caller's own additions to the environment of one run's children (program, plugins), given that run's
   * targets — an `up` with `applyFirst` runs the program once per pass. The engine passes them through unread.
   */
  childEnv?: ChildEnv;
  /**
   * Preview only: decrypt nothing and hand the program, provider host and policy packs no passphrase — config and
   * state secrets stay ciphertext. `idlc preview` sets it (and tells its providers so through `childEnv`).
   */
  sealed?: boolean;
  /**
   * `up --continue-on-error`: a failed resource operation does not stop the others; only its dependents are skipped,
   * and the update still ends failed (the Pulumi CLI's flag of the same name).
   */
  continueOnError?: boolean;
  /**
   * Entries the caller adds to each update's history `environment`, read when the update finishes (idlc: the reset
   * portal's log head, so the stack's chain pins it). An error here is dropped: recording the update comes first.
   */
  historyEnvironment?: () => Record<string, string>;
  /**
   * Called each time a run of the program has been started: the program and provider host then spend a second or
   * more of CPU loading before their first registration, time in which the engine only waits. The caller's own work
   * done here (idlc preview: the values each app will receive) is off the path to the result.
   */
  onProgramStarted?: () => void;
  /** Heap cap (MB) for the program process; default 1536. */
  programHeapMb?: number;
}

export interface OperationResult {
  result: "succeeded" | "failed" | "cancelled";
  summary: { resourceChanges: Partial<Record<StepOp, number>>; durationSeconds: number };
  /** Stack outputs with secrets as wrappers (callers mask them for display). */
  outputs: PropertyMap;
  /** The first error, when `result` is failed. */
  error?: Error;
}

/** What a caller adds to the environment of a run's children, given the run's targets (RunOperationOptions). */
export type ChildEnv = (targets: readonly string[] | undefined) => Record<string, string>;
