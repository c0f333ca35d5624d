/** What `idlc shards plan` does once parsed (cli/commands/shards.ts defines the command). */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { deploymentAppKeys, planShards } from "../../provider/shards";
import { appResources, loadStackPlan } from "../../provider/stack";
import { ExitCode } from "../exit";
import { asOfDate, stackSettings } from "../stack-options";

export interface ShardsPlanFlags {
  stack: string;
  peoplePerShard: number;
  deployment?: string;
  asOf?: string;
  cwd?: string;
  dryRun?: boolean;
}

export async function runShardsPlan(flags: ShardsPlanFlags): Promise<number> {
  const base = stackSettings(flags.stack, path.resolve(flags.cwd ?? process.cwd()));
  const { plan } = loadStackPlan({ cwd: base.project.dir, stack: base.stack, asOf: asOfDate(flags.asOf) });
  const people = plan.people.filter((p) => p.accounts.length > 0).length;
  const shards = planShards({
    base: base.stack, deployment: flags.deployment, baseRaw: base.raw, appKeys: deploymentAppKeys(base.raw), people,
    peoplePerShard: flags.peoplePerShard, isDirectory: (app) => appResources[app as keyof typeof appResources]?.directory ?? false,
  });
  // Copied `secure:` values decrypt only under the base's salt (passphrase secrets provider): keep it with them.
  const salt = (parse(readFileSync(base.stackFile, "utf8")) as { encryptionsalt?: string } | null)?.encryptionsalt;
  for (const shard of shards) {
    const file = path.join(base.project.stackDir, `Pulumi.${shard.stack}.yaml`);
    const text = [
      `# Shard of deployment ${String((shard.config["identity:shard"] as { deployment: string }).deployment)}, written by \`idlc shards plan\`.`,
      `# Shared settings (HR export, roles, lifecycle, safety) come from Pulumi.${base.stack}.yaml; this file holds its apps' only.`,
      stringify({ ...(salt ? { encryptionsalt: salt } : {}), config: shard.config }).trimEnd(),
      "",
    ].join("\n");
    const verb = existsSync(file) ? "rewrote" : "wrote";
    if (flags.dryRun) process.stdout.write(`--- ${path.relative(process.cwd(), file)}\n${text}`);
    else writeFileSync(file, text);
    process.stderr.write(`${flags.dryRun ? "would write" : verb} ${path.relative(process.cwd(), file)}\n`);
  }
  process.stderr.write([
    `${people} people → ${shards.length} shard stacks. Next: \`idlc preview --deployment ${flags.deployment ?? base.stack}\`.`,
    `Remove the app credentials from Pulumi.${base.stack}.yaml once the shards hold them, and do not run \`up\` on ${base.stack} itself again:`,
    "see docs/SHARDS.md for moving its accounts into the shards without re-creating any.",
    "",
  ].join("\n"));
  return ExitCode.ok;
}
