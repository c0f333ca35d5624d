/**
 * `idlc preview|up|refresh --deployment D`: every shard stack of a deployment (docs/SHARDS.md) run in parallel
 * worker processes, judged once as one company. The whole company's inputs are checked first (one HR export,
 * one set of roles); `up` previews every shard, judges the deployment (deployment-judge.ts) and only then applies,
 * phase by phase (directory shards first); a failed shard leaves the others applied and names its re-run command.
 */
import { cpus } from "node:os";
import { resolve } from "node:path";
import { openBackend } from "../../engine/state";
import { formatIssue } from "../../provider/errors";
import { findProject as findEngineProject } from "../../engine/project";
import { findProject, listStacks, loadStackSettings, type StackSettings } from "../../provider/config";
import { SafetySettings } from "../../provider/safety";
import { appResources, loadStackPlan } from "../../provider/stack";
import { applyPhases, checkCoverage, deploymentAppKeys, type ShardMember } from "../../provider/shards";
import { collectPreviewEvents, renderPreviewComment, type PreviewEvent } from "../../provider/gitops";
import { ExitCode, UsageError } from "../exit";
import { asOfDate } from "../stack-options";
import { judgeDeployment, type ShardPreview } from "./deployment-judge";
import { pool, runWorker, type WorkerResult } from "./deployment-workers";

export interface DeploymentFlags {
  deployment: string;
  workers?: number;
  cwd?: string;
  asOf?: string;
  allowDeprovision?: number;
  format?: "text" | "md";
  from?: string;
}

export type DeploymentKind = "preview" | "up" | "refresh";

interface Deployment {
  cwd: string;
  base: StackSettings;
  members: ShardMember[];
  phases: string[][];
}

/** A name is the deployment's; `*` matches any run of characters (`prod-*`). */
function matcher(pattern: string): (name: string) => boolean {
  const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return (name) => re.test(name);
}

function loadDeployment(flags: DeploymentFlags): Deployment {
  const project = findProject(resolve(flags.cwd ?? process.cwd()));
  const matches = matcher(flags.deployment);
  const members = listStacks(project).flatMap((stack) => {
    const s = loadStackSettings({ cwd: project.dir, stack });
    return s.settings.shard && matches(s.settings.shard.deployment) ? [{ stack, file: s.stackFile, shard: s.settings.shard }] : [];
  });
  if (members.length === 0) {
    throw new UsageError(`no shard stack belongs to deployment "${flags.deployment}"`, "Run `idlc shards plan --stack BASE --people-per-shard N` first, or check the name.");
  }
  const base = loadStackSettings({ cwd: project.dir, stack: members[0]!.shard.base });
  const appKeys = deploymentAppKeys(base.raw);
  const issues = checkCoverage(flags.deployment, members, appKeys);
  if (issues.length) throw new UsageError(`deployment ${flags.deployment} is not a valid split:\n${issues.map((i) => `  ${formatIssue(i)}`).join("\n")}`, "Fix the shard stack files named above.");
  return { cwd: project.dir, base, members, phases: applyPhases(members, appKeys, (app) => appResources[app as keyof typeof appResources]?.directory ?? false) };
}

export async function runDeployment(kind: DeploymentKind, flags: DeploymentFlags): Promise<number> {
  const d = loadDeployment(flags);
  const asOf = asOfDate(flags.asOf);
  const workers = flags.workers ?? cpus().length;
  // One HR export and one set of roles: judged once for the whole company, before any shard runs.
  const company = loadStackPlan({ cwd: d.cwd, stack: d.base.stack, asOf });
  const errors = company.issues.filter((i) => i.severity === "error");
  if (errors.length) {
    process.stderr.write(`the deployment's inputs have ${errors.length} error(s); no shard ran:\n${errors.map((i) => `  ${formatIssue(i)}`).join("\n")}\n`);
    return ExitCode.failed;
  }
  const stacks = d.members.map((m) => m.stack);
  process.stderr.write(`deployment ${flags.deployment}: ${stacks.length} shards in ${d.phases.length} phase(s): ${d.phases.map((p) => p.join(" + ")).join(" → ")}\n`);
  if (kind === "refresh") return report(kind, flags, await pool(stacks, workers, (s) => runWorker(s, ["refresh", "--stack", s, "--yes"], d.cwd)));

  const previews = await pool(stacks, workers, (s) => runWorker(s, ["preview", "--stack", s, "--json", "--as-of", asOf], d.cwd));
  const failed = previews.filter((r) => r.code !== 0);
  const shards = await Promise.all(previews.map(async (r) => shardPreview(r, d.cwd)));
  const safety = SafetySettings.partial().parse(d.base.raw["identity:safety"] ?? {});
  const verdict = judgeDeployment(shards, safety, flags.allowDeprovision);
  if (kind === "preview") {
    if (flags.format === "md") process.stdout.write(mergedComment(d, flags, asOf, previews));
    else process.stdout.write(mergedSummary(shards));
    if (!verdict.ok) process.stderr.write(`up --deployment ${flags.deployment} would be refused:\n${verdict.problems.join("\n")}\n`);
    return failed.length || !verdict.ok ? report(kind, flags, previews) || ExitCode.failed : ExitCode.ok;
  }
  if (failed.length) {
    process.stderr.write(`the preview of ${failed.map((r) => r.stack).join(", ")} failed, so the deployment cannot be judged as a whole; no shard was changed.\n`);
    return ExitCode.failed;
  }
  if (!verdict.ok) {
    process.stderr.write(`deployment ${flags.deployment}: nothing was changed in any shard:\n${verdict.problems.join("\n")}\n`);
    return ExitCode.failed;
  }
  const results: WorkerResult[] = [];
  for (const phase of d.phases) {
    results.push(...(await pool(phase, workers, (s) => {
      // Approved as a whole above: each shard's own gate gets exactly its share, so a bigger wave still stops it.
      const allow = String(verdict.deprovisions.get(s) ?? 0);
      return runWorker(s, ["up", "--stack", s, "--yes", "--as-of", asOf, "--allow-deprovision", allow], d.cwd);
    })));
  }
  return report(kind, flags, results);
}

async function shardPreview(r: WorkerResult, cwd: string): Promise<ShardPreview> {
  const steps = events(r.stdout).flatMap((e) => (e.resourcePreEvent?.metadata ? [e.resourcePreEvent.metadata as unknown as ShardPreview["steps"][number]] : []));
  const state = (await openBackend({ project: findEngineProject(cwd) }).exportStack(r.stack)).deployment.resources ?? [];
  return { stack: r.stack, steps, state };
}

function events(stdout: string): PreviewEvent[] {
  return stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as PreviewEvent);
}

/** One PR comment: the people summary of the one HR export, and every shard's policy results and changes. */
function mergedComment(d: Deployment, flags: DeploymentFlags, asOf: string, previews: readonly WorkerResult[]): string {
  const collector = collectPreviewEvents();
  const totals: Record<string, number> = {};
  for (const e of previews.flatMap((r) => events(r.stdout))) {
    if (!e.summaryEvent) collector.onEvent(e);
    for (const [op, n] of Object.entries(e.summaryEvent?.resourceChanges ?? {})) totals[op] = (totals[op] ?? 0) + (n ?? 0);
  }
  collector.onEvent({ summaryEvent: { resourceChanges: totals } });
  return renderPreviewComment({ cwd: d.cwd, stack: d.base.stack, from: flags.from, asOf, engine: "local", collected: collector.result() });
}

/** Changes per shard and in total, by operation. */
function mergedSummary(shards: readonly ShardPreview[]): string {
  const line = (steps: ShardPreview["steps"]) => {
    const ops: Record<string, number> = {};
    for (const s of steps) ops[s.op] = (ops[s.op] ?? 0) + 1;
    return Object.entries(ops).sort().map(([op, n]) => `${n} ${op}`).join(", ") || "nothing";
  };
  return [...shards.map((s) => `${s.stack}: ${line(s.steps)}`), `deployment: ${line(shards.flatMap((s) => s.steps))}`, ""].join("\n");
}

function report(kind: DeploymentKind, flags: DeploymentFlags, results: readonly WorkerResult[]): number {
  const failed = results.filter((r) => r.code !== 0);
  for (const r of results) process.stderr.write(`${r.stack}: ${r.code === 0 ? "ok" : `failed (${r.signal ?? `exit ${r.code}`})`}\n`);
  if (failed.length === 0) return ExitCode.ok;
  const again = kind === "preview" ? "preview" : `${kind} --yes`;
  process.stderr.write([
    `${failed.length} of ${results.length} shards failed; the others are ${kind === "up" ? "applied" : "done"}. Re-run:`,
    ...failed.map((r) => `  idlc ${kind === "preview" ? "preview" : kind} --stack ${r.stack}${kind === "preview" ? "" : " --yes"}`),
    `or the whole deployment (it converges; shards already done are no-ops): idlc ${again.split(" ")[0]} --deployment ${flags.deployment}${kind === "preview" ? "" : " --yes"}`,
    "",
  ].join("\n"));
  return ExitCode.failed;
}
