/**
 * A base stack, once shard stacks name it (`identity:shard.base`), only holds the deployment's shared settings:
 * an `up` on it would manage every account of the company a second time, beside the shards that now own them
 * (and, after its state was retired as docs/SHARDS.md says, adopt them all back). `idlc up` refuses it before
 * anything runs, naming the shards and the command to run instead.
 */
import { resolve } from "node:path";
import { findProject, listStackNames, resolveStackName } from "../../engine/project";
import { loadStackSettings, type ShardSettings } from "../../provider/config";
import { UsageError } from "../exit";

/** The shards naming `base` as their base stack, read from every stack file that parses. */
export function shardsOfBase(base: string, cwd: string): Array<{ stack: string; shard: ShardSettings }> {
  const project = findProject(cwd);
  return listStackNames(project).flatMap((stack) => {
    if (stack === base) return [];
    try {
      const shard = loadStackSettings({ cwd: project.dir, stack }).settings.shard;
      return shard?.base === base ? [{ stack, shard }] : [];
    } catch {
      return []; // a stack file that does not parse is not a shard of this base; its own commands report it
    }
  });
}

/**
 * The split `stack` belongs to — it is a base with shards, or one of the shards — as the base's name and every
 * shard naming it; undefined for a stack that was never split.
 */
export function splitOf(
  stack: string,
  cwd: string,
): { base: string; shards: Array<{ stack: string; shard: ShardSettings }> } | undefined {
  const own = loadStackSettings({ cwd, stack }).settings.shard;
  const base = own?.base ?? stack;
  const shards = shardsOfBase(base, cwd);
  return shards.length > 0 ? { base, shards } : undefined;
}

export function refuseUpOnSplitBase(flags: { stack?: string; cwd?: string }): void {
  const cwd = resolve(flags.cwd ?? process.cwd());
  const base = resolveStackName(findProject(cwd), flags.stack);
  const shards = shardsOfBase(base, cwd);
  if (shards.length === 0) return;
  const deployments = [...new Set(shards.map((s) => s.shard.deployment))];
  throw new UsageError(
    `stack ${base} was split into shards (${shards.map((s) => s.stack).join(", ")}) and only holds their shared ` +
      `settings now; an up on it would manage every account a second time, beside the shards`,
    `Run ${deployments.map((d) => `\`idlc up --deployment ${d} --yes\``).join(" or ")} (or one shard: ` +
      `\`idlc up --stack ${shards[0]!.stack} --yes\`). To go back to one stack, delete the shard stack files and ` +
      `their state first (docs/SHARDS.md).`,
  );
}
