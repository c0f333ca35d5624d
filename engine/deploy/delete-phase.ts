import type { DeployContext } from "./context";
import { dependencyUrns, type ResourceState } from "./resource-state";
import { scheduleDeletes } from "./schedule-deletes";
import { deleteStep } from "./steps";

/**
 * Runs deletes layer by layer (antichains in reverse dependency order), each layer in parallel under `--parallel`.
 * The first failure stops them; with `--continue-on-error` (Go `performPostSteps`) a failure is recorded and the
 * next layers go on, sparing whatever a failed resource depends on (`dependenciesOf`), so none is left dangling.
 */
export async function runDeletes(
  ctx: DeployContext,
  doomed: readonly ResourceState[],
  opFor: (r: ResourceState) => "delete" | "delete-replaced",
  stateOf: (urn: string) => ResourceState | undefined = (urn) => ctx.olds.get(urn),
): Promise<void> {
  const urns = new Set(doomed.map((r) => r.urn));
  for (const layer of scheduleDeletes(doomed)) {
    const spared = ctx.continueOnError ? dependenciesOf(ctx.failed.urns, stateOf) : new Set<string>();
    const due = layer.filter((r) => !spared.has(r.urn));
    const results = await Promise.allSettled(due.map((r) => ctx.limit(() => deleteStep(ctx, r, opFor(r), urns))));
    results.forEach((result, i) => {
      if (result.status === "fulfilled") return;
      if (!ctx.continueOnError) throw result.reason;
      ctx.failed.urns.add(due[i]!.urn);
      ctx.failed.errors.push(result.reason as Error);
    });
  }
}

/** Every URN the given resources depend on, transitively (Go `TransitiveDependenciesOf`). */
export function dependenciesOf(
  urns: Iterable<string>,
  stateOf: (urn: string) => ResourceState | undefined,
): Set<string> {
  const found = new Set<string>();
  const walk = (urn: string) => {
    for (const dep of stateOf(urn) ? dependencyUrns(stateOf(urn)!) : []) {
      if (found.has(dep)) continue;
      found.add(dep);
      walk(dep);
    }
  };
  for (const urn of urns) walk(urn);
  return found;
}

/**
 * What an `up` deletes once the program has succeeded: old resources it did not register (only targeted ones with
 * `--target`), plus CBD leftovers from this run and from interrupted runs, in checkpoint order.
 */
export function collectDeletes(
  ctx: DeployContext,
  processed: ReadonlySet<string>,
  registered: ReadonlySet<string>,
  replacedOlds: readonly ResourceState[],
): ResourceState[] {
  const inScope = (urn: string) => !ctx.targets || ctx.targets.has(urn);
  const unregistered = ctx.oldOrder.filter(
    (r) => !r.delete && !processed.has(r.urn) && !registered.has(r.urn) && ctx.olds.has(r.urn) && inScope(r.urn),
  );
  const leftovers = ctx.oldPendingDeletes.filter((r) => inScope(r.urn));
  const order = new Map(ctx.oldOrder.map((r, i) => [r, i] as const));
  return [...leftovers, ...unregistered, ...replacedOlds].sort(
    (a, b) =>
      (order.get(a) ?? order.get(ctx.olds.get(a.urn)!) ?? 0) - (order.get(b) ?? order.get(ctx.olds.get(b.urn)!) ?? 0),
  );
}
