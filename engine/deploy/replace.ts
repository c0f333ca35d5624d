import { ProtectedResourceError } from "../errors";
import { deepEqual, UNKNOWN, stripMap } from "../properties";
import { count, type DeployContext } from "./context";
import { refOf, type ResourceState } from "./resource-state";
import { scheduleDeletes, transitiveDependents } from "./schedule-deletes";
import { emitOutputs, emitPre } from "./step-events";
import { createStep, deleteStep } from "./steps";
import type { StepGenerator } from "./step-generator";

export interface ReplacePlan {
  diffs: string[];
  keys: string[];
  deleteBeforeReplace: boolean;
}

/**
 * Replaces `old` with `desired`. Create-before-delete by default: the replacement is created now and the old
 * resource (kept in state with `delete: true`) is deleted after the program succeeds. Delete-before-replace first
 * deletes every dependent that would be replaced too, then the old resource, then creates.
 */
export async function replaceStep(
  ctx: DeployContext,
  gen: StepGenerator,
  old: ResourceState,
  desired: ResourceState,
  plan: ReplacePlan,
): Promise<ResourceState> {
  if (old.protect || desired.protect) throw new ProtectedResourceError(old.urn, "replace");
  const step = {
    op: "replace" as const,
    urn: desired.urn,
    type: desired.type,
    old,
    new: desired,
    diffs: plan.diffs,
    keys: plan.keys,
  };
  emitPre(ctx, step);
  let created: ResourceState;
  if (plan.deleteBeforeReplace) {
    await deleteReplacedDependents(ctx, gen, old);
    await deleteStep(ctx, old, "delete-replaced");
    created = await createStep(ctx, desired, "create-replacement");
  } else {
    const retired = { ...old, delete: true };
    if (!ctx.dryRun) ctx.persistence.upsert(retired);
    created = await createStep(ctx, desired, "create-replacement");
    gen.replacedOlds.push(retired);
  }
  count(ctx, "replace");
  emitOutputs(ctx, { ...step, new: created });
  return created;
}

/**
 * Go `calculateDependentReplacements`: an old dependent not yet registered in this run is deleted first when its
 * provider says it would be replaced once the inputs that depend on `old` become unknown.
 */
async function deleteReplacedDependents(ctx: DeployContext, gen: StepGenerator, old: ResourceState): Promise<void> {
  const host = await ctx.host();
  const candidates = transitiveDependents(old.urn, ctx.oldOrder).filter(
    (r) => r.custom && !gen.news.has(r.urn) && ctx.olds.has(r.urn),
  );
  const doomed: ResourceState[] = [];
  for (const dep of candidates) {
    const news = { ...stripMap(dep.inputs) };
    for (const [key, urns] of Object.entries(dep.propertyDependencies)) {
      if (urns.includes(old.urn) || urns.some((u) => doomed.some((d) => d.urn === u))) news[key] = UNKNOWN;
    }
    if (deepEqual(news, stripMap(dep.inputs))) continue;
    const ref = refOf(dep);
    const diff = await host.diff(ref, dep.id ?? "", dep.outputs, dep.inputs, news, []);
    if (diff.replaces.length > 0) doomed.push(dep);
  }
  for (const layer of scheduleDeletes(doomed)) {
    await Promise.all(layer.map((dep) => deleteStep(ctx, dep, "delete-replaced")));
    for (const dep of layer) {
      ctx.olds.delete(dep.urn);
      gen.processed.add(dep.urn);
    }
  }
}
