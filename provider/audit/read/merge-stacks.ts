/**
 * A sharded company's histories as one: the shards of a deployment hold disjoint accounts, so the company's state
 * after any shard's update is that update's checkpoint beside every other shard's latest. Every audit question
 * (timelines, access on a date, reviews, metrics) then reads the merged list as it reads one stack's.
 */
import type { AuditResource } from "./resources";
import { effectiveTime, type AuditUpdate } from "./update";

interface StackHistory {
  stack: string;
  updates: readonly AuditUpdate[];
}

/** An account or group, by what it is in its app (the same key in the base and in the shard that took it over). */
const resourceKey = (r: AuditResource) =>
  r.kind === "account" ? `account ${r.appKey}/${r.employeeId}` : `group ${r.appKey}/${r.name}`;

/**
 * @param shards each shard's updates, oldest first, in a fixed order of shards (ties in time keep it)
 * @param before the history of the stack they were split from (the base, before its split), when it was kept: its
 *   updates come first, and its last state stands for each account until a shard's update takes that account over
 * @returns every update, oldest first, each tagged with its stack and keeping its own version; one with a
 *   checkpoint carries the whole company as it stood after it, one without stays unknown
 */
export function mergeStackHistories(shards: readonly StackHistory[], before?: StackHistory): AuditUpdate[] {
  const order = shards.flatMap(({ stack, updates }, s) => updates.map((update, i) => ({ stack, update, s, i })));
  order.sort(
    (a, b) => Date.parse(effectiveTime(a.update)) - Date.parse(effectiveTime(b.update)) || a.s - b.s || a.i - b.i,
  );
  const earlier = (before?.updates ?? []).map((u): AuditUpdate => ({ ...u, stack: before!.stack }));
  // What the base last recorded, until a shard's checkpoint names the same account or group.
  let inherited = new Map((earlier.findLast((u) => u.resources)?.resources ?? []).map((r) => [resourceKey(r), r]));
  const current = new Map<string, readonly AuditResource[]>();
  const merged = order.map(({ stack, update }): AuditUpdate => {
    if (!update.resources) return { ...update, stack };
    current.set(stack, update.resources);
    for (const r of update.resources) inherited.delete(resourceKey(r));
    if (current.size === shards.length) inherited = new Map();
    return { ...update, stack, resources: [...inherited.values(), ...[...current.values()].flat()] };
  });
  return [...earlier, ...merged];
}
