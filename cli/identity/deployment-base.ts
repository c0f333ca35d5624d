/**
 * A base stack, once shard stacks name it (`identity:shard.base`), only holds the deployment's shared settings:
 * an `up` on it would manage every account of the company a second time, beside the shards that now own them
 * (and, after its state was retired as docs/SHARDS.md says, adopt them all back). `idlc up` refuses it before
 * anything runs, naming the shards and the command to run instead.
 */
import { resolve } from "node:path";
import { findProject, listStackNames, resolveStackName } from "../../engine/project";
import { loadStackSettings } from "../../provider/config";
import { UsageError } from "../exit";

/** The shards naming `base` as their base stack, read from every stack file that parses (`[stack, deployment]`). */
export function shardsOfBase(base: string, cwd: string): Array<{ stack: string; deployment: string }> {
  const project = findProject(cwd);
  return listStackNames(project).flatMap((stack) => {
    if (stack === base) return [];
    try {
      const shard = loadStackSettings({ cwd: project.dir, stack }).settings.shard;
      return shard?.base === base ? [{ stack, deployment: shard.deployment }] : [];
    } catch {
      return []; // a stack file that does not parse is not a shard of this base; its own commands report it
    }
  });
}

export function refuseUpOnSplitBase(flags: { stack?: string; cwd?: string }): void {
  const cwd = resolve(flags.cwd ?? process.cwd());
  const base = resolveStackName(findProject(cwd), flags.stack);
  const shards = shardsOfBase(base, cwd);
  if (shards.length === 0) return;
  const deployments = [...new Set(shards.map((s) => s.deployment))];
  throw new UsageError(
    `stack ${base} was split into shards (${shards.map((s) => s.stack).join(", ")}) and only holds their shared ` +
      `settings now; an up on it would manage every account a second time, beside the shards`,
    `Run ${deployments.map((d) => `\`idlc up --deployment ${d} --yes\``).join(" or ")} (or one shard: ` +
      `\`idlc up --stack ${shards[0]!.stack} --yes\`). To go back to one stack, delete the shard stack files and ` +
      `their state first (docs/SHARDS.md).`,
  );
}
