import type { DeployContext } from "./context";
import type { ResourceState } from "./resource-state";
import { scheduleDeletes } from "./schedule-deletes";
import { deleteStep } from "./steps";

/** Runs deletes layer by layer (antichains in reverse dependency order), each layer in parallel under `--parallel`. */
export async function runDeletes(
  ctx: DeployContext,
  doomed: readonly ResourceState[],
  opFor: (r: ResourceState) => "delete" | "delete-replaced",
): Promise<void> {
  const urns = new Set(doomed.map((r) => r.urn));
  for (const layer of scheduleDeletes(doomed)) {
    const results = await Promise.allSettled(layer.map((r) => ctx.limit(() => deleteStep(ctx, r, opFor(r), urns))));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  }
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
    (a, b) => (order.get(a) ?? order.get(ctx.olds.get(a.urn)!) ?? 0) - (order.get(b) ?? order.get(ctx.olds.get(b.urn)!) ?? 0),
  );
}
