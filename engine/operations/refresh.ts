import { count, liveOldResources, type DeployContext } from "../deploy/context";
import { refOf, type ResourceState } from "../deploy/resource-state";
import { emitOutputs, emitPre } from "../deploy/step-events";
import { annotateSecrets, applyAdditionalSecretOutputs, deepEqual } from "../properties";

/**
 * Refresh (reference §8.14): Read every custom resource with its OLD provider code; an empty id means it is gone and
 * it leaves state; otherwise outputs (and inputs, when returned) are replaced with secretness re-applied.
 * Providers and components stay as they are.
 */
export async function refreshResources(ctx: DeployContext): Promise<void> {
  const candidates = liveOldResources(ctx).filter((r) => !ctx.targets || ctx.targets.has(r.urn));
  await Promise.all(candidates.map((r) => ctx.limit(() => refreshOne(ctx, r))));
}

async function refreshOne(ctx: DeployContext, old: ResourceState): Promise<void> {
  if (!old.custom || old.type.startsWith("pulumi:providers:") || !old.id) {
    ctx.persistence.same(old.urn);
    count(ctx, "same");
    return;
  }
  const host = await ctx.host();
  const ref = refOf(old);
  emitPre(ctx, { op: "refresh", urn: old.urn, type: old.type, old });
  const read = await host.read(ref, old.id, old.outputs, old.inputs);
  if (!read.id) {
    if (!ctx.dryRun) ctx.persistence.remove(old);
    count(ctx, "delete");
    emitOutputs(ctx, { op: "refresh", urn: old.urn, type: old.type, old });
    return;
  }
  const outputs = applyAdditionalSecretOutputs(
    annotateSecrets(read.outputs, old.outputs),
    old.additionalSecretOutputs ?? [],
  );
  const inputs = read.inputs ? annotateSecrets(read.inputs, old.inputs) : old.inputs;
  const next: ResourceState = { ...old, id: read.id, outputs, inputs };
  const changed = !deepEqual(old.outputs, outputs) || !deepEqual(old.inputs, inputs) || old.id !== read.id;
  if (changed) {
    next.modified = ctx.now();
    if (!ctx.dryRun) ctx.persistence.upsert(next);
    count(ctx, "update");
  } else {
    ctx.persistence.same(old.urn);
    count(ctx, "same");
  }
  emitOutputs(ctx, { op: "refresh", urn: old.urn, type: old.type, old, new: next });
}
