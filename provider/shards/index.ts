/**
 * @module shards
 * Sharded identity stacks, pure: which people bucket an employee id falls in (`bucketOf`), a shard's part of
 * the access plan (`shardPlan`), the shards holding a person's accounts (`shardsHolding`), whether a deployment's shards hold every (person, app) exactly once
 * (`checkCoverage`), the order they apply in (`applyPhases`) and the shard stacks a base stack splits into
 * (`planShards`). Running them is cli/identity/deployment.ts; the config block is provider/config's
 * `identity:shard`.
 *
 * @example
 * const plan = shardPlan(companyPlan, { apps: ["slack"], bucket: 1, buckets: 4 });
 */
export { bucketOf } from "./bucket";
export { shardPlan, inBucket, ownsGroups, type Shard } from "./filter";
export { shardsHolding } from "./holding";
export { deploymentAppKeys, heldKeys, appOfKey, type ShardMember } from "./members";
export { checkCoverage } from "./coverage";
export { applyPhases } from "./order";
export { planShards, type PlannedShard, type ShardPlanOptions } from "./plan";
