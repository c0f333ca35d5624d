import { dependencyUrns, type ResourceState } from "./resource-state";

/**
 * Orders deletes as antichains in reverse dependency order (Go `ScheduleDeletes`): a resource is deleted only
 * after every to-be-deleted resource that depends on it (parent, dependency, property dependency, deletedWith,
 * provider). Each returned layer can run in parallel. Input order is the checkpoint order.
 */
export function scheduleDeletes(resources: readonly ResourceState[]): ResourceState[][] {
  const byUrn = new Map<string, number[]>();
  resources.forEach((r, i) => byUrn.set(r.urn, [...(byUrn.get(r.urn) ?? []), i]));
  const dependents: number[][] = resources.map(() => []);
  resources.forEach((r, i) => {
    for (const dep of dependencyUrns(r)) for (const j of byUrn.get(dep) ?? []) if (j !== i) dependents[j]!.push(i);
  });
  const level: number[] = new Array(resources.length).fill(-1);
  // Checkpoint order lists dependencies before dependents, so walking it backwards sees dependents first.
  for (let i = resources.length - 1; i >= 0; i--) {
    level[i] = dependents[i]!.reduce((max, d) => Math.max(max, (level[d] ?? -1) + 1), 0);
  }
  const layers: ResourceState[][] = [];
  resources.forEach((r, i) => (layers[level[i]!] ??= []).push(r));
  return layers.filter((layer) => layer && layer.length > 0);
}

/** URNs that transitively depend on `urn` within `resources` (for delete-before-replace dependents). */
export function transitiveDependents(urn: string, resources: readonly ResourceState[]): ResourceState[] {
  const found = new Set<string>([urn]);
  const out: ResourceState[] = [];
  for (const r of resources) {
    if (found.has(r.urn)) continue;
    if (dependencyUrns(r).some((d) => found.has(d))) {
      found.add(r.urn);
      out.push(r);
    }
  }
  return out;
}
