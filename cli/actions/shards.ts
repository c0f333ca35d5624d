/** What `idlc shards plan` does once parsed (cli/commands/shards.ts defines the command). */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { deploymentAppKeys, planShards } from "../../provider/shards";
import { appResources } from "../../provider/stack";
import { loadStackPlan } from "../../provider/stack-plan";
import { ExitCode, UsageError } from "../exit";
import { judge } from "../identity/deployment";
import { loadDeployment } from "../identity/deployment-load";
import { mergedComment, readPreviewFile } from "../identity/deployment-merge";
import { readPackConfig } from "../identity/deployment-policy";
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
    base: base.stack,
    deployment: flags.deployment,
    baseRaw: base.raw,
    appKeys: deploymentAppKeys(base.raw),
    people,
    peoplePerShard: flags.peoplePerShard,
    isDirectory: (app) => appResources[app as keyof typeof appResources]?.directory ?? false,
  });
  // Copied `secure:` values decrypt only under the base's salt (passphrase secrets provider): keep it with them.
  const salt = (parse(readFileSync(base.stackFile, "utf8")) as { encryptionsalt?: string } | null)?.encryptionsalt;
  for (const shard of shards) {
    const file = path.join(base.project.stackConfigDir, `Pulumi.${shard.stack}.yaml`);
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
  process.stderr.write(
    [
      `${people} people → ${shards.length} shard stacks. Next: \`idlc preview --deployment ${flags.deployment ?? base.stack}\`.`,
      `Remove the app credentials from Pulumi.${base.stack}.yaml once the shards hold them, and do not run \`up\` on ${base.stack} itself again:`,
      "see docs/SHARDS.md for moving its accounts into the shards without re-creating any.",
      "",
    ].join("\n"),
  );
  return ExitCode.ok;
}

/** `idlc shards list`: the deployment's shards phase by phase, for a CI matrix (`--json`). */
export async function runShardsList(flags: { deployment: string; cwd?: string; json?: boolean }): Promise<number> {
  const d = loadDeployment(flags.deployment, flags.cwd);
  if (flags.json)
    process.stdout.write(`${JSON.stringify({ deployment: d.name, base: d.base.stack, phases: d.phases })}\n`);
  else d.phases.forEach((phase, i) => process.stdout.write(`phase ${i + 1}: ${phase.join(" ")}\n`));
  return ExitCode.ok;
}

export interface ShardsJudgeFlags {
  deployment: string;
  events: string;
  cwd?: string;
  format: "text" | "md";
  from?: string;
  asOf?: string;
  allowDeprovision?: number;
  allowFile?: string;
  policyPackConfig?: string;
}

/**
 * `idlc shards judge`: the deployment-wide verdict from previews that ran elsewhere (one CI job per shard, each
 * `idlc preview --stack S --json > DIR/S.jsonl`): the merged comment or summary on stdout, each shard's share of
 * the approved deprovisions in `--allow-file`, exit 1 when `up` would be refused or a shard's preview is missing.
 */
export async function runShardsJudge(flags: ShardsJudgeFlags): Promise<number> {
  const d = loadDeployment(flags.deployment, flags.cwd);
  const missing = d.members.filter((m) => !existsSync(path.join(flags.events, `${m.stack}.jsonl`)));
  if (missing.length) {
    throw new UsageError(
      `no preview of ${missing.map((m) => m.stack).join(", ")} in ${flags.events}`,
      `Run \`idlc preview --stack S --json > ${flags.events}/S.jsonl\` for every shard first (idlc shards list --deployment ${d.name}).`,
    );
  }
  const previews = await Promise.all(
    d.members.map((m) => readPreviewFile(m.stack, path.join(flags.events, `${m.stack}.jsonl`))),
  );
  const policy = flags.policyPackConfig === undefined ? undefined : readPackConfig(flags.policyPackConfig);
  const verdict = judge(d, previews, flags.allowDeprovision, policy);
  if (verdict.warnings.length)
    process.stderr.write(`deployment ${d.name}: advisory policy violations:\n${verdict.warnings.join("\n")}\n`);
  const asOf = asOfDate(flags.asOf);
  process.stdout.write(
    flags.format === "md" ? mergedComment(d, previews, { asOf, from: flags.from }, verdict.problems) : verdict.summary,
  );
  if (flags.allowFile) writeFileSync(flags.allowFile, `${JSON.stringify(Object.fromEntries(verdict.deprovisions))}\n`);
  if (verdict.ok) return ExitCode.ok;
  process.stderr.write(`up --deployment ${d.name} would be refused; apply no shard:\n${verdict.problems.join("\n")}\n`);
  return ExitCode.failed;
}
