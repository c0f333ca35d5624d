/**
 * The policy config the deployment-wide rules are judged with: the same file the shards' own runs give idlc's pack
 * (`--policy-pack-config`, paired with `--policy-pack` by position, as Pulumi pairs them), so a limit a team raised
 * or a rule it made advisory counts the same for the whole company as for each shard.
 */
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import type { StackValidationPolicy } from "@pulumi/policy";
import { z } from "zod";
import { UsageError } from "../exit";

/** Pulumi's policy config JSON for one pack: `{ all?: level, <policy>: level | { enforcementLevel?, …properties } }`. */
const PackConfig = z.record(z.string(), z.union([z.string(), z.record(z.string(), z.unknown())]));
export type PackConfig = z.infer<typeof PackConfig>;

export interface RuleSetting {
  /** mandatory refuses the deployment, advisory warns, disabled skips the rule. */
  level: string;
  config: Record<string, unknown>;
}

const IDLC_PACK = path.join(__dirname, "..", "..", "policies");

const realpath = (dir: string) => {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
};

/** Reads a policy config file; a bad one is a usage error naming it, raised before any shard runs. */
export function readPackConfig(file: string, cwd = process.cwd()): PackConfig {
  const at = path.resolve(cwd, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(at, "utf8"));
  } catch (err) {
    throw new UsageError(`cannot read the policy config ${file}: ${(err as Error).message}`, "Give a JSON file.");
  }
  const result = PackConfig.safeParse(parsed);
  if (!result.success) {
    throw new UsageError(
      `the policy config ${file} is not Pulumi's policy config: ${result.error.issues[0]?.message ?? "invalid"}`,
      'Write { "<policy-name>": "mandatory" | "advisory" | "disabled" | { "enforcementLevel": …, "<property>": … } }.',
    );
  }
  return result.data;
}

/** The config paired with idlc's own pack among the `--policy-pack` dirs, if one was given with a config. */
export function idlcPackConfig(packDirs: readonly string[], configFiles: readonly string[], cwd: string) {
  const i = packDirs.findIndex((dir) => realpath(path.resolve(cwd, dir)) === realpath(IDLC_PACK));
  const file = i >= 0 ? configFiles[i] : undefined;
  return file === undefined ? undefined : readPackConfig(file, cwd);
}

/** A stack rule's level and config under `pack`: its entry over `all` over the rule's own; properties over defaults. */
export function ruleSetting(rule: StackValidationPolicy, pack: PackConfig | undefined): RuleSetting {
  const defaults = Object.fromEntries(
    Object.entries(rule.configSchema?.properties ?? {}).map(([k, v]) => [k, (v as { default?: unknown }).default]),
  );
  const entry = pack?.[rule.name];
  const { enforcementLevel, ...props } = typeof entry === "string" ? { enforcementLevel: entry } : (entry ?? {});
  const all = typeof pack?.all === "string" ? pack.all : undefined;
  const level = typeof enforcementLevel === "string" ? enforcementLevel : (all ?? rule.enforcementLevel ?? "advisory");
  return { level, config: { ...defaults, ...props } };
}
