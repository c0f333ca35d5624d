/** A deployment's shards as the deployment-wide checks see them, and the app keys a deployment holds. */
import { shardHolds, type ShardSettings } from "../config";

export interface ShardMember {
  /** The shard's stack name. */
  stack: string;
  /** Its stack file, for messages. */
  file: string;
  shard: ShardSettings;
}

/**
 * The app keys of a stack's config: each `identity:apps` entry, `scim` spelled out per instance of
 * `identity:scim` (`scim:github`), as budgets and policies name apps.
 */
export function deploymentAppKeys(raw: Record<string, unknown>): string[] {
  const apps = Array.isArray(raw["identity:apps"])
    ? (raw["identity:apps"] as unknown[]).filter((a): a is string => typeof a === "string")
    : [];
  const scim = raw["identity:scim"];
  const instances = scim && typeof scim === "object" ? Object.keys(scim).sort() : [];
  return apps.flatMap((app) => (app === "scim" ? instances.map((i) => `scim:${i}`) : [app]));
}

const split = (key: string): [string, string | undefined] => {
  const [app, instance] = key.split(":");
  return [app!, instance];
};

/** The deployment's app keys this shard holds. */
export function heldKeys(shard: Pick<ShardSettings, "apps">, appKeys: readonly string[]): string[] {
  return appKeys.filter((key) => shardHolds(shard, ...split(key)));
}

export const appOfKey = (key: string) => split(key)[0];
