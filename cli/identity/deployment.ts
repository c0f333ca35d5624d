/**
 * `idlc preview|up|refresh --deployment D`: every shard stack of a deployment (docs/SHARDS.md) run in parallel
 * worker processes, judged once as one company. The whole company's inputs are checked first (one HR export,
 * one set of roles); `up` previews every shard, judges the deployment (deployment-judge.ts) and only then applies,
 * phase by phase (directory shards first); a failed shard leaves the others applied and names its re-run command.
 */
import { cpus } from "node:os";
import { formatIssue } from "../../provider/errors";
import { SafetySettings } from "../../provider/safety";
import { loadStackPlan } from "../../provider/stack-plan";
import { ExitCode } from "../exit";
import { asOfDate } from "../stack-options";
import { judgeDeployment, type DeploymentVerdict } from "./deployment-judge";
import { loadDeployment, type Deployment } from "./deployment-load";
import { idlcPackConfig, type PackConfig } from "./deployment-policy";
import { mergedComment, mergedSummary, previewReader, type ReadPreview } from "./deployment-merge";
import { pool, resultLine, runWorker, type WorkerResult } from "./deployment-workers";

export interface DeploymentFlags {
  deployment: string;
  policyPack?: string[];
  policyPackConfig?: string[];
  parallel?: number;
  workers?: number;
  cwd?: string;
  asOf?: string;
  allowDeprovision?: number;
  format?: "text" | "md";
  from?: string;
}

export type DeploymentKind = "preview" | "up" | "refresh";

export async function runDeployment(kind: DeploymentKind, flags: DeploymentFlags): Promise<number> {
  const d = loadDeployment(flags.deployment, flags.cwd);
  const asOf = asOfDate(flags.asOf);
  const workers = flags.workers ?? cpus().length;
  const policy = idlcPackConfig(flags.policyPack ?? [], flags.policyPackConfig ?? [], d.cwd);
  if (!inputsOk(d, asOf)) return ExitCode.failed;
  const stacks = d.members.map((m) => m.stack);
  const passed = passedOn(flags);
  process.stderr.write(
    `deployment ${d.name}: ${stacks.length} shards in ${d.phases.length} phase(s): ${d.phases.map((p) => p.join(" + ")).join(" → ")}\n`,
  );
  if (kind === "refresh")
    return report(
      kind,
      d,
      await pool(stacks, workers, (s) => runWorker(s, ["refresh", "--stack", s, "--yes", ...passed.engine], d.cwd)),
    );

  const previews = await previewShards(d, stacks, workers, [...passed.engine, ...passed.policy, "--as-of", asOf]);
  const verdict = judge(d, previews, flags.allowDeprovision, policy);
  if (verdict.warnings.length)
    process.stderr.write(`deployment ${d.name}: advisory policy violations:\n${verdict.warnings.join("\n")}\n`);
  if (kind === "preview") {
    process.stdout.write(
      flags.format === "md"
        ? mergedComment(d, previews, { asOf, from: flags.from }, verdict.problems)
        : verdict.summary,
    );
    if (!verdict.ok)
      process.stderr.write(`up --deployment ${d.name} would be refused:\n${verdict.problems.join("\n")}\n`);
    const code = report(kind, d, previews);
    return verdict.ok ? code : ExitCode.failed;
  }
  const failed = previews.filter((r) => r.code !== 0).map((r) => r.stack);
  // The apply phase needs only the verdict: let go of every shard's planned steps (100s of MB at 50,000 people).
  previews.length = 0;
  if (failed.length) {
    process.stderr.write(
      `the preview of ${failed.join(", ")} failed, so the deployment cannot be judged as a whole; no shard was changed.\n`,
    );
    return ExitCode.failed;
  }
  if (!verdict.ok) {
    process.stderr.write(`deployment ${d.name}: nothing was changed in any shard:\n${verdict.problems.join("\n")}\n`);
    return ExitCode.failed;
  }
  const results: WorkerResult[] = [];
  for (const phase of d.phases) {
    results.push(
      ...(await pool(phase, workers, (s) => {
        // Approved as a whole above: each shard's own gate gets exactly its share, so a bigger wave still stops it.
        const allow = String(verdict.deprovisions.get(s) ?? 0);
        return runWorker(
          s,
          [
            "up",
            "--stack",
            s,
            "--yes",
            "--as-of",
            asOf,
            "--allow-deprovision",
            allow,
            ...passed.engine,
            ...passed.policy,
          ],
          d.cwd,
        );
      })),
    );
  }
  return report(kind, d, results);
}

/** Every shard's `preview --json`, in parallel workers, each read as it streams (deployment-merge.ts). */
function previewShards(
  d: Deployment,
  stacks: readonly string[],
  workers: number,
  args: readonly string[],
): Promise<Array<WorkerResult & ReadPreview>> {
  return pool(stacks, workers, async (s) => {
    const reader = previewReader(s);
    const run = await runWorker(s, ["preview", "--stack", s, "--json", ...args], d.cwd, reader.line);
    return { ...run, ...reader.result() };
  });
}

/** The flags every shard's own command gets: the policy packs (with their config) and the per-stack parallelism. */
function passedOn(flags: DeploymentFlags): { engine: string[]; policy: string[] } {
  const policy = [
    ...(flags.policyPack ?? []).flatMap((dir) => ["--policy-pack", dir]),
    ...(flags.policyPackConfig ?? []).flatMap((file) => ["--policy-pack-config", file]),
  ];
  return { engine: flags.parallel === undefined ? [] : ["--parallel", String(flags.parallel)], policy };
}

/** One HR export and one set of roles: judged once for the whole company, before any shard runs. */
function inputsOk(d: Deployment, asOf: string): boolean {
  const errors = loadStackPlan({ cwd: d.cwd, stack: d.base.stack, asOf }).issues.filter((i) => i.severity === "error");
  if (errors.length) {
    process.stderr.write(
      `the deployment's inputs have ${errors.length} error(s); no shard ran:\n${errors.map((i) => `  ${formatIssue(i)}`).join("\n")}\n`,
    );
  }
  return errors.length === 0;
}

/** The deployment-wide verdict over every shard's preview, and the merged change summary. */
export function judge(
  d: Deployment,
  shards: readonly ReadPreview[],
  allow?: number,
  policy?: PackConfig,
): DeploymentVerdict & { summary: string } {
  const safety = SafetySettings.partial().parse(d.base.raw["identity:safety"] ?? {});
  return { ...judgeDeployment(shards, safety, allow, policy), summary: mergedSummary(shards) };
}

function report(kind: DeploymentKind, d: Deployment, results: readonly WorkerResult[]): number {
  for (const r of results) process.stderr.write(resultLine(r));
  const failed = results.filter((r) => r.code !== 0);
  if (failed.length === 0) return ExitCode.ok;
  const yes = kind === "preview" ? "" : " --yes";
  process.stderr.write(
    [
      `${failed.length} of ${results.length} shards failed${failed.length < results.length ? `; the others are ${kind === "up" ? "applied" : "done"}` : ""}. Re-run each:`,
      ...failed.map((r) => `  idlc ${kind} --stack ${r.stack}${yes}`),
      `or the whole deployment, which converges (shards already done are no-ops): idlc ${kind} --deployment ${d.name}${yes}`,
      "",
    ].join("\n"),
  );
  return ExitCode.failed;
}
