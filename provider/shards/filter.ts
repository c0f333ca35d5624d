/**
 * A shard's part of the access plan: its people (by bucket) and, for them, only the accounts of its apps. Groups
 * of an app are declared by exactly one shard — the unbucketed one, else bucket 0 — so no group has two owners.
 */
import type { AccessPlan } from "../access";
import { shardHolds, type ShardSettings } from "../config";
import { bucketOf } from "./bucket";

export type Shard = Pick<ShardSettings, "apps" | "bucket" | "buckets">;

export function inBucket(shard: Shard, employeeId: string): boolean {
  return shard.buckets === undefined || bucketOf(employeeId, shard.buckets) === shard.bucket;
}

/** True when this shard declares the managed groups of the apps it holds. */
export function ownsGroups(shard: Shard): boolean {
  return shard.bucket === undefined || shard.bucket === 0;
}

export function shardPlan(plan: AccessPlan, shard: Shard): AccessPlan {
  const holds = (entry: { app: string; spec: { instance?: string } }) =>
    shardHolds(shard, entry.app, entry.spec.instance);
  return {
    ...plan,
    people: plan.people
      .filter((p) => inBucket(shard, p.employeeId))
      .map((p) => ({ ...p, accounts: p.accounts.filter(holds) })),
    groups: ownsGroups(shard) ? plan.groups.filter(holds) : [],
  };
}
