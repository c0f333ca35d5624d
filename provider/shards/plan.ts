/**
 * `idlc shards plan`: a base stack split into shard stacks — the directory apps (Entra, Google) in one set of
 * shards, every other app in another, each set cut into people buckets of about `peoplePerShard`. Each shard's
 * config is `identity:shard` plus the settings of its own apps copied from the base (credentials included, so the
 * Slack shard never sees the Google key); the shared settings stay in the base file only.
 */
import { appOfKey } from "./members";

export interface ShardPlanOptions {
  base: string;
  /** Default: the base stack's name. */
  deployment?: string;
  /** The base stack's whole config map. */
  baseRaw: Record<string, unknown>;
  appKeys: readonly string[];
  /** People the company has in the program now (the largest set a bucket splits). */
  people: number;
  peoplePerShard: number;
  isDirectory: (app: string) => boolean;
}

export interface PlannedShard {
  stack: string;
  config: Record<string, unknown>;
}

export function planShards(o: ShardPlanOptions): PlannedShard[] {
  if (!Number.isInteger(o.peoplePerShard) || o.peoplePerShard < 1) {
    throw new RangeError(`--people-per-shard must be a positive whole number, got ${o.peoplePerShard}`);
  }
  const buckets = Math.max(1, Math.ceil(o.people / o.peoplePerShard));
  const apps = [...new Set(o.appKeys.map(appOfKey))];
  const sets = [
    { name: "directories", apps: apps.filter((a) => o.isDirectory(a)) },
    { name: "apps", apps: apps.filter((a) => !o.isDirectory(a)) },
  ].filter((s) => s.apps.length > 0);
  return sets.flatMap((set) =>
    Array.from({ length: buckets }, (_, bucket) => {
      const shard = {
        deployment: o.deployment ?? o.base,
        base: o.base,
        apps: set.apps,
        ...(buckets > 1 ? { bucket, buckets } : {}),
      };
      const own = Object.fromEntries(
        set.apps.flatMap((app) => {
          const value = o.baseRaw[`identity:${app}`];
          return value === undefined ? [] : [[`identity:${app}`, value]];
        }),
      );
      const stack = `${o.base}-${set.name}${buckets > 1 ? `-${bucket}` : ""}`;
      return { stack, config: { "identity:shard": shard, ...own } };
    }),
  );
}
