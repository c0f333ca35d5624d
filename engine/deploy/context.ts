import type { EngineEventPayload, StepOp } from "../events";
import type { DynamicProviderHost } from "../host";
import type { PropertyMap } from "../properties";
import type { Persistence } from "./persistence";
import type { ResourceState } from "./resource-state";

/** Policy checks the step generator calls (engine/policy implements it). */
export interface PolicyHook {
  /** Analyzes one resource's checked inputs; returns mandatory violation messages (advisories are only emitted). */
  analyze(resource: ResourceState, dryRun: boolean): Promise<string[]>;
  analyzeStack(resources: ResourceState[]): Promise<string[]>;
}

/** Everything one deployment run shares. Built by the operation, used by steps. */
export interface DeployContext {
  stack: string;
  project: string;
  dryRun: boolean;
  /** Old live resources by URN (CBD leftovers with `delete: true` are in `oldPendingDeletes`). */
  olds: Map<string, ResourceState>;
  /** Old resources in checkpoint order. */
  oldOrder: ResourceState[];
  oldPendingDeletes: ResourceState[];
  /** The default provider's inputs: the whole stack config, namespaced, secrets wrapped. */
  providerConfig: PropertyMap;
  persistence: Persistence;
  emit(payload: EngineEventPayload): void;
  limit: <T>(task: () => Promise<T>) => Promise<T>;
  /** The dynamic provider host, started and configured once on first use. */
  host(): Promise<DynamicProviderHost>;
  policy?: PolicyHook;
  /** `up --target`: only these URNs change. */
  targets?: Set<string>;
  counts: Partial<Record<StepOp, number>>;
  now(): string;
  /**
   * `--continue-on-error` (Go `ContinueOnError`): a failed step is recorded in `failed` instead of cancelling the
   * run; steps that depend on a failed or skipped resource are skipped; the run still ends failed.
   */
  continueOnError?: boolean;
  /** With `continueOnError`: the URNs whose step failed or was skipped, and the errors of the failed ones. */
  failed: { urns: Set<string>; errors: Error[] };
}

export function count(ctx: DeployContext, op: StepOp): void {
  ctx.counts[op] = (ctx.counts[op] ?? 0) + 1;
}

/** Old resources still in state, in checkpoint order (minus those crash recovery found gone). */
export function liveOldResources(ctx: DeployContext): ResourceState[] {
  return ctx.oldOrder.filter((r) => (r.delete ? ctx.oldPendingDeletes.includes(r) : ctx.olds.get(r.urn) === r));
}
