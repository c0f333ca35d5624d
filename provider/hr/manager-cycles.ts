import type { Person } from "./person";

/**
 * Every reporting cycle, each listed from its earliest row. Each person has at most one manager, so one walk
 * per unvisited person that stops at anyone already seen finds them all in O(n).
 */
export function managerCycles(people: Person[], byId: ReadonlyMap<string, Person>): Person[][] {
  const state = new Map<Person, "walking" | "done">();
  const cycles: Person[][] = [];
  for (const start of people) {
    const path: Person[] = [];
    let p: Person | undefined = start;
    while (p && !state.has(p)) {
      state.set(p, "walking");
      path.push(p);
      p = p.managerId === undefined ? undefined : byId.get(p.managerId);
    }
    if (p && state.get(p) === "walking") {
      const cycle = path.slice(path.indexOf(p));
      const first = cycle.reduce((a, b) => (b.source.row < a.source.row ? b : a));
      const i = cycle.indexOf(first);
      cycles.push([...cycle.slice(i), ...cycle.slice(0, i)]);
    }
    for (const q of path) state.set(q, "done");
  }
  return cycles;
}
