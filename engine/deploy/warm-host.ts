import type { DeployContext } from "./context";
import { DYNAMIC_TYPE, refOf, type ResourceState } from "./resource-state";

/**
 * Starts the provider host and, while the program is still loading, sends one Check and one Diff per distinct
 * dynamic provider in the old state, each with an old resource's own inputs and outputs; the answers are dropped.
 * A provider's first call loads its code (a dynamic provider is a module the host requires on first use): done
 * here, that cost leaves the critical path of the first registrations, which would otherwise wait for it one
 * after another. Check and Diff decide, they change nothing (the provider contract), so a call made early and
 * thrown away is harmless. Resolves once done; never rejects: a failure here is met again, and reported, by
 * the step that makes the call for real.
 */
export async function warmHost(ctx: DeployContext): Promise<void> {
  const host = await ctx.host().catch(() => undefined);
  if (!host) return; // the first step that needs it reports why
  for (const old of oneResourcePerProvider(ctx.olds.values())) {
    const ref = refOf(old);
    try {
      const checked = await host.check(ref, old.inputs, old.inputs);
      await host.diff(ref, old.id ?? "", old.outputs, old.inputs, checked.inputs, old.ignoreChanges ?? []);
    } catch {
      // This provider's own steps meet the failure again, and report it; the others still warm.
    }
  }
}

/** The first live dynamic resource found for each `__provider` text. */
export function oneResourcePerProvider(olds: Iterable<ResourceState>): ResourceState[] {
  const byProvider = new Map<unknown, ResourceState>();
  for (const old of olds) {
    const provider = old.inputs.__provider;
    if (typeof provider !== "string" || !DYNAMIC_TYPE.test(old.type) || byProvider.has(provider)) continue;
    byProvider.set(provider, old);
  }
  return [...byProvider.values()];
}
