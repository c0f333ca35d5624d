import type { DeployContext } from "../deploy/context";
import { fromResourceV3, refOf } from "../deploy/resource-state";
import type { PendingStep } from "../state";
import type { PreparedStack } from "./prepare";

const warn = (ctx: DeployContext, urn: string, message: string) =>
  ctx.emit({ diagnosticEvent: { urn, message: `${message}\n`, color: "raw", severity: "warning" } });

/** The operation a pending `…ing` record stands for, as the warning names it (not every verb just drops "ing"). */
const interruptedOp: Record<PendingStep["type"], string> = {
  creating: "create",
  updating: "update",
  deleting: "delete",
  reading: "read",
  importing: "import",
};

/**
 * Resolves the operations a killed run left pending. An interrupted create is retried by this run (providers adopt
 * the existing object instead of duplicating it); an interrupted update is retried because the old state was kept;
 * an interrupted delete is checked with Read (old provider code) and the resource dropped from state if it is gone.
 */
export async function resolvePendingOperations(ctx: DeployContext, prepared: PreparedStack): Promise<void> {
  for (const op of prepared.session.loaded.pendingOperations) {
    const resource = fromResourceV3(op.resource, prepared.secrets);
    const what = `an interrupted ${interruptedOp[op.type]} of ${resource.urn}`;
    if (op.type === "creating") {
      warn(
        ctx,
        resource.urn,
        `${what} was found; it is retried (the provider adopts an object the interrupted create made)`,
      );
      continue;
    }
    if (op.type !== "deleting" || !resource.id || !resource.custom) {
      warn(ctx, resource.urn, `${what} was found; the last recorded state is kept and the operation retried`);
      continue;
    }
    if (ctx.dryRun) {
      warn(ctx, resource.urn, `${what} was found; \`up\` will check whether it is gone`);
      continue;
    }
    const host = await ctx.host();
    const ref = refOf(resource);
    const read = await host.read(ref, resource.id, resource.outputs, resource.inputs);
    if (read.id) {
      warn(ctx, resource.urn, `${what} was found; the resource still exists and stays in state`);
      continue;
    }
    warn(ctx, resource.urn, `${what} was found; the resource is gone and was removed from state`);
    const leftover = ctx.oldPendingDeletes.findIndex((r) => r.urn === resource.urn && r.id === resource.id);
    if (resource.delete && leftover >= 0) {
      ctx.persistence.remove(ctx.oldPendingDeletes[leftover]!);
      ctx.oldPendingDeletes.splice(leftover, 1);
      continue;
    }
    const old = ctx.olds.get(resource.urn);
    if (old && old.id === resource.id) {
      ctx.persistence.remove(old);
      ctx.olds.delete(resource.urn);
    }
  }
}
