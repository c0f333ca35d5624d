import { ProtectedResourceError, StepFailedError } from "../errors";
import type { StepOp } from "../events";
import { annotateSecrets, applyAdditionalSecretOutputs, deepEqual, type PropertyMap } from "../properties";
import { count, type DeployContext } from "./context";
import { refOf, type ResourceState } from "./resource-state";
import { emitFailed, emitOutputs, emitPre, type StepDescription } from "./step-events";

/** Runs one provider call as a step: pending op recorded first, failure reported as a step failure. */
async function guarded<T>(ctx: DeployContext, step: StepDescription, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    emitFailed(ctx, step, `${step.op} failed: ${message}`);
    throw new StepFailedError(step.urn, step.op, message);
  }
}

function finishOutputs(raw: PropertyMap, against: PropertyMap, r: ResourceState): PropertyMap {
  return applyAdditionalSecretOutputs(annotateSecrets(raw, against), r.additionalSecretOutputs ?? []);
}

/**
 * A provider call that answered with an error has ended: its pending operation is cleared, as the Pulumi CLI does.
 * Only a call cut short by a crash stays pending for the next run to resolve.
 */
async function ended<T>(ctx: DeployContext, opId: unknown, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    ctx.persistence.end(opId);
    throw err;
  }
}

/** Creates the custom resource `desired` (inputs already checked). In preview the outputs are the inputs and the id is empty. */
export async function createStep(
  ctx: DeployContext,
  desired: ResourceState,
  op: StepOp = "create",
): Promise<ResourceState> {
  const step = { op, urn: desired.urn, type: desired.type, new: desired };
  emitPre(ctx, step);
  let created: ResourceState;
  if (ctx.dryRun) {
    created = { ...desired, id: "", outputs: desired.inputs };
  } else {
    const host = await ctx.host();
    const opId = await ctx.persistence.begin("creating", desired);
    const res = await ended(
      ctx,
      opId,
      guarded(ctx, step, () => host.create(refOf(desired), desired.inputs)),
    );
    if (!res.id) throw new StepFailedError(desired.urn, op, "the provider returned an empty id");
    const now = ctx.now();
    created = {
      ...desired,
      id: res.id,
      outputs: finishOutputs(res.outputs, desired.inputs, desired),
      created: now,
      modified: now,
    };
    ctx.persistence.upsert(created);
    ctx.persistence.end(opId);
  }
  if (op === "create") count(ctx, "create");
  emitOutputs(ctx, { ...step, new: created });
  return created;
}

export async function updateStep(
  ctx: DeployContext,
  old: ResourceState,
  desired: ResourceState,
  diffs: string[],
): Promise<ResourceState> {
  const step = { op: "update" as const, urn: desired.urn, type: desired.type, old, new: desired, diffs };
  emitPre(ctx, step);
  let updated: ResourceState = { ...desired, id: old.id, created: old.created, modified: old.modified };
  if (ctx.dryRun) {
    updated.outputs = desired.inputs;
  } else {
    const host = await ctx.host();
    const opId = await ctx.persistence.begin("updating", old);
    const raw = await ended(
      ctx,
      opId,
      guarded(ctx, step, () => host.update(refOf(desired), old.id!, old.outputs, old.inputs, desired.inputs)),
    );
    updated = { ...updated, outputs: finishOutputs(raw, desired.inputs, desired), modified: ctx.now() };
    ctx.persistence.upsert(updated);
    if (old.urn !== updated.urn) ctx.persistence.remove(old);
    ctx.persistence.end(opId);
  }
  count(ctx, "update");
  emitOutputs(ctx, { ...step, new: updated });
  return updated;
}

/** Keeps the old id and outputs; only rewrites state when something besides outputs changed. */
export function sameStep(ctx: DeployContext, old: ResourceState, desired: ResourceState): ResourceState {
  const kept: ResourceState = {
    ...desired,
    id: old.id,
    outputs: old.outputs,
    created: old.created,
    modified: old.modified,
  };
  if (desired.custom) emitPre(ctx, { op: "same", urn: desired.urn, type: desired.type, old, new: kept });
  const unchanged =
    old.urn === kept.urn &&
    deepEqual(old.inputs, kept.inputs) &&
    old.parent === kept.parent &&
    old.provider === kept.provider &&
    deepEqual(old.dependencies, kept.dependencies) &&
    deepEqual(old.propertyDependencies, kept.propertyDependencies) &&
    !!old.protect === !!kept.protect &&
    !!old.retainOnDelete === !!kept.retainOnDelete;
  if (unchanged) ctx.persistence.same(old.urn);
  else ctx.persistence.upsert(kept);
  if (old.urn !== kept.urn) ctx.persistence.remove(old); // found through an alias: the old URN leaves state
  count(ctx, "same");
  return kept;
}

/**
 * Deletes one resource. The provider is called only for custom, non-provider resources that are neither retained
 * nor going away with their `deletedWith` target; it runs the OLD code stored in the outputs.
 */
export async function deleteStep(
  ctx: DeployContext,
  old: ResourceState,
  op: "delete" | "delete-replaced",
  alsoDeleting: ReadonlySet<string> = new Set(),
): Promise<void> {
  if (old.protect) throw new ProtectedResourceError(old.urn, "delete");
  const step = { op, urn: old.urn, type: old.type, old };
  emitPre(ctx, step);
  const callProvider =
    old.custom &&
    !old.type.startsWith("pulumi:providers:") &&
    !old.retainOnDelete &&
    !(old.deletedWith && alsoDeleting.has(old.deletedWith));
  if (!ctx.dryRun) {
    if (callProvider) {
      const host = await ctx.host();
      const opId = await ctx.persistence.begin("deleting", old);
      await ended(
        ctx,
        opId,
        guarded(ctx, step, () => host.delete(refOf(old), old.id!, old.outputs, old.inputs)),
      );
      ctx.persistence.remove(old);
      ctx.persistence.end(opId);
    } else {
      ctx.persistence.remove(old);
    }
  }
  if (op === "delete") count(ctx, "delete");
  emitOutputs(ctx, step);
}
