/**
 * A sharded company's histories as one: the shards of a deployment hold disjoint accounts, so the company's state
 * after any shard's update is that update's checkpoint beside every other shard's latest. Every audit question
 * (timelines, access on a date, reviews, metrics) then reads the merged list as it reads one stack's.
 */
import { effectiveTime, type AuditUpdate } from "./update";

/**
 * @param histories each shard's updates, oldest first, in a fixed order of shards (ties in time keep it)
 * @returns every update, oldest first, each tagged with its shard (`stack`) and keeping the shard's own version;
 *   one with a checkpoint carries every shard's resources as they stood after it, one without stays unknown
 */
export function mergeStackHistories(histories: ReadonlyArray<{ stack: string; updates: readonly AuditUpdate[] }>) {
  const order = histories.flatMap(({ stack, updates }, s) => updates.map((update, i) => ({ stack, update, s, i })));
  order.sort(
    (a, b) => Date.parse(effectiveTime(a.update)) - Date.parse(effectiveTime(b.update)) || a.s - b.s || a.i - b.i,
  );
  const current = new Map<string, NonNullable<AuditUpdate["resources"]>>();
  return order.map(({ stack, update }): AuditUpdate => {
    if (!update.resources) return { ...update, stack };
    current.set(stack, update.resources);
    return { ...update, stack, resources: [...current.values()].flat() };
  });
}
