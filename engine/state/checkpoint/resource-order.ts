import type { ResourceV3 } from "./apitype";
import { referencedUrns } from "./integrity";

/**
 * Reorders resources so every parent, provider and dependency comes before its users (and a `delete: true` entry
 * after the live one of its URN), keeping the given order wherever it is already valid: a depth-first walk in
 * list order that emits what a resource needs first.
 * References to URNs that are not in the list are left for the integrity check to report.
 */
export function orderResources(resources: readonly ResourceV3[]): ResourceV3[] {
  const byUrn = new Map<string, ResourceV3[]>();
  for (const r of resources) {
    const same = byUrn.get(r.urn);
    if (same) same.push(r);
    else byUrn.set(r.urn, [r]);
  }
  // Go's VerifyIntegrity allows a repeated URN only on entries marked `delete`, so a replaced resource's old
  // state (delete: true) must come after the live entry of the same URN.
  for (const group of byUrn.values())
    if (group.length > 1) group.sort((a, b) => Number(a.delete ?? false) - Number(b.delete ?? false));
  const out: ResourceV3[] = [];
  const state = new Map<ResourceV3, "visiting" | "done">();
  // An explicit stack instead of recursion: a chain of 20,000 dependencies must not overflow the call stack.
  const visit = (root: ResourceV3) => {
    if (state.has(root)) return;
    const stack: Array<{ resource: ResourceV3; refs: ResourceV3[]; next: number }> = [];
    const push = (resource: ResourceV3) => {
      state.set(resource, "visiting");
      const refs = referencedUrns(resource).flatMap((urn) => byUrn.get(urn) ?? []);
      stack.push({ resource, refs, next: 0 });
    };
    push(root);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const ref = top.refs[top.next++];
      if (ref === undefined) {
        stack.pop();
        state.set(top.resource, "done");
        out.push(top.resource);
      } else if (!state.has(ref)) {
        push(ref);
      } // "visiting" means a cycle; leaving it in place lets verifyIntegrity name it.
    }
  };
  for (const root of resources) {
    if (root.delete) byUrn.get(root.urn)!.forEach(visit);
    else visit(root);
  }
  return out;
}
