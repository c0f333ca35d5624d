/**
 * Every shard's preview read back from its engine events (`preview --json`, one JSON object a line) and merged:
 * the planned steps each shard's judgement needs, one change summary, one PR comment with the people summary of
 * the deployment's one HR export.
 */
import { collectPreviewEvents, renderPreviewComment, type PreviewEvent } from "../../provider/gitops";
import type { Deployment } from "./deployment-load";
import type { ShardPreview } from "./deployment-judge";

/** A shard's preview output: the worker's, or a file a CI job uploaded. */
export interface PreviewOutput {
  stack: string;
  stdout: string;
}

export function events(stdout: string): PreviewEvent[] {
  return stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as PreviewEvent);
}

/** The shard's steps as its preview reported them. */
export function shardPreview(r: PreviewOutput): ShardPreview {
  const steps = events(r.stdout).flatMap((e) =>
    e.resourcePreEvent ? [e.resourcePreEvent.metadata as unknown as ShardPreview["steps"][number]] : [],
  );
  return { stack: r.stack, steps };
}

/**
 * One PR comment: the people summary of the one HR export, every shard's policy results and changes, and what the
 * deployment-wide judgement would refuse.
 */
export function mergedComment(
  d: Deployment,
  previews: readonly PreviewOutput[],
  options: { asOf: string; from?: string },
  problems: readonly string[],
): string {
  const collector = collectPreviewEvents();
  const totals: Record<string, number> = {};
  for (const e of previews.flatMap((r) => events(r.stdout))) {
    if (!e.summaryEvent) collector.onEvent(e);
    for (const [op, n] of Object.entries(e.summaryEvent?.resourceChanges ?? {}))
      totals[op] = (totals[op] ?? 0) + (n ?? 0);
  }
  collector.onEvent({ summaryEvent: { resourceChanges: totals } });
  const comment = renderPreviewComment({
    cwd: d.cwd,
    stack: d.base.stack,
    from: options.from,
    asOf: options.asOf,
    engine: "local",
    collected: collector.result(),
  });
  const shards = `\n**Deployment ${d.name}**: ${previews.length} shards (${previews.map((p) => p.stack).join(", ")}).\n`;
  const refused = problems.length
    ? `\n**\`up --deployment ${d.name}\` would be refused:**\n\n\`\`\`\n${problems.join("\n")}\n\`\`\`\n`
    : "";
  return `${comment.trimEnd()}\n${shards}${refused}`;
}

/** Changes per shard and in total, by operation. */
export function mergedSummary(shards: readonly ShardPreview[]): string {
  const line = (steps: ShardPreview["steps"]) => {
    const ops: Record<string, number> = {};
    for (const s of steps) ops[s.op] = (ops[s.op] ?? 0) + 1;
    return (
      Object.entries(ops)
        .sort()
        .map(([op, n]) => `${n} ${op}`)
        .join(", ") || "nothing"
    );
  };
  return [
    ...shards.map((s) => `${s.stack}: ${line(s.steps)}`),
    `deployment: ${line(shards.flatMap((s) => s.steps))}`,
    "",
  ].join("\n");
}
