import { liveOldResources, type DeployContext } from "../deploy/context";
import { runDeletes } from "../deploy/delete-phase";
import { transitiveDependents } from "../deploy/schedule-deletes";

/** Destroy (reference §8.15): every resource, dependents first; the program is not run. A protected one fails it. */
export async function destroyResources(ctx: DeployContext): Promise<void> {
  const live = liveOldResources(ctx);
  let doomed = live;
  if (ctx.targets) {
    const targets = ctx.targets;
    const urns = new Set<string>();
    for (const r of live) {
      if (!targets.has(r.urn)) continue;
      urns.add(r.urn);
      for (const d of transitiveDependents(r.urn, live)) urns.add(d.urn);
    }
    doomed = live.filter((r) => urns.has(r.urn));
  }
  await runDeletes(ctx, doomed, (r) => (r.delete ? "delete-replaced" : "delete"));
}
