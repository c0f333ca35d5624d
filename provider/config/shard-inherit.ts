/**
 * A shard's stack file holds only `identity:shard` and the settings of its own apps; every shared setting (HR
 * export, roles, lifecycle, safety, anomaly gate…) is read from the deployment's base stack file. One source: a
 * shard that could set its own HR file or budget could drift from its siblings, so setting one is an error.
 */
import { StackConfigError } from "./errors";
import type { ShardSettings } from "./schema";

/** Config keys (after `identity:`) that hold one app's URL and credentials. */
const APP_KEYS = new Set(["entra", "google", "slack", "scim", "ldap"]);

const ns = (key: string) => (key.startsWith("identity:") ? key.slice("identity:".length) : undefined);

/** True when the shard holds `app` (any instance of it for `scim`), or `app:instance` when given. */
export function shardHolds(shard: Pick<ShardSettings, "apps">, app: string, instance?: string): boolean {
  if (!shard.apps) return true;
  return shard.apps.some(
    (a) =>
      a === app ||
      (instance !== undefined && a === `${app}:${instance}`) ||
      (instance === undefined && a.startsWith(`${app}:`)),
  );
}

export interface ShardFiles {
  shard: ShardSettings;
  raw: Record<string, unknown>;
  file: string;
  baseRaw: Record<string, unknown>;
  baseFile: string;
}

/**
 * The shard's effective config: the base's shared `identity:` keys (`identity:apps` whole, so every shard plans and
 * judges the same company; provider/shards narrows the plan), then the shard's own keys. The base's app settings
 * (its credentials) are never inherited.
 * @throws StackConfigError naming every key the shard may not set, with the file to move it to.
 */
export function inheritFromBase({ shard, raw, file, baseRaw, baseFile }: ShardFiles): Record<string, unknown> {
  if (baseRaw["identity:shard"] !== undefined) {
    throw new StackConfigError(
      "CONFIG_INVALID",
      `${file}: identity:shard.base names ${baseFile}, which is itself a shard`,
      "Point base at the stack that holds the deployment's shared settings (identity:hr, identity:roles…).",
      { file },
    );
  }
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const own = ns(key);
    if (own === undefined || own === "shard") continue;
    if (!APP_KEYS.has(own)) {
      problems.push(`identity:${own} is shared by the deployment: set it once in ${baseFile}, not in the shard`);
    } else if (!shardHolds(shard, own)) {
      problems.push(`identity:${own} configures an app this shard does not hold (apps: ${shard.apps!.join(", ")})`);
    } else if (own === "scim" && value && typeof value === "object") {
      const foreign = Object.keys(value).filter((instance) => !shardHolds(shard, "scim", instance));
      if (foreign.length)
        problems.push(
          `identity:scim.${foreign.join(", identity:scim.")} configure SCIM instances this shard does not hold`,
        );
    }
  }
  if (problems.length) {
    throw new StackConfigError(
      "CONFIG_INVALID",
      `${file}: ${problems.join("; ")}`,
      "A shard's file holds identity:shard and the settings of its own apps only (docs/SHARDS.md); `idlc shards plan` writes it.",
      { file },
    );
  }
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(baseRaw)) {
    const own = ns(key);
    if (own !== undefined && !APP_KEYS.has(own)) merged[key] = value;
  }
  return { ...merged, ...raw };
}
