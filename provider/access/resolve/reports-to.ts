import type { Person } from "../../hr/person";

/**
 * Everyone below `managerId` in the org chart, directly or transitively (not the manager). A manager loop in
 * bad HR data ends the walk instead of spinning; hr/ reports such loops itself.
 */
export function reportsOf(managerId: string, childrenOf: ReadonlyMap<string, readonly string[]>): Set<string> {
  const below = new Set<string>();
  const queue = [managerId];
  while (queue.length > 0) {
    for (const child of childrenOf.get(queue.pop()!) ?? []) {
      if (child === managerId || below.has(child)) continue;
      below.add(child);
      queue.push(child);
    }
  }
  return below;
}

/** manager employee id → direct reports, built once per resolve. */
export function directReports(people: readonly Person[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const p of people)
    if (p.managerId) (children.get(p.managerId) ?? children.set(p.managerId, []).get(p.managerId)!).push(p.employeeId);
  return children;
}
