/**
 * Every shard's preview read back from its engine events (`preview --json`, one JSON object a line) and merged:
 * the planned steps each shard's judgement needs, one change summary, one PR comment with the people summary of
 * the deployment's one HR export.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { collectPreviewEvents, renderPreviewComment, type PreviewEvent } from "../../provider/gitops";
import type { Deployment } from "./deployment-load";
import type { ShardPreview } from "./deployment-judge";

/** A shard's preview as the deployment keeps it: its planned steps, and the events its part of the comment needs. */
export interface ReadPreview extends ShardPreview {
  events: PreviewEvent[];
}

type StepLine = ShardPreview["steps"][number] & { diffs?: string[] };
interface StateLine {
  inputs?: Record<string, unknown>;
}
interface EventLine extends Omit<PreviewEvent, "resourcePreEvent"> {
  resourcePreEvent?: { metadata: StepLine & { old?: StateLine; new?: StateLine } };
}

/**
 * Reads a shard's preview a line at a time and keeps only what the deployment's judgement and comment read: per
 * step its op, URN, type, diffs and both sides' inputs without the dynamic provider's serialized text, which every
 * step repeats up to four times and which made a 20-shard, 50,000-person deployment's coordinator hold 2 GB.
 */
export function previewReader(stack: string): { line: (text: string) => void; result: () => ReadPreview } {
  const steps: ShardPreview["steps"] = [];
  const events: PreviewEvent[] = [];
  return {
    line(text) {
      if (!text.startsWith("{")) return;
      const e = JSON.parse(text) as EventLine;
      const step = e.resourcePreEvent?.metadata;
      if (step) {
        const { op, urn, type, diffs } = step;
        events.push({ resourcePreEvent: { metadata: { op, urn, type, ...(diffs ? { diffs } : {}) } } });
        steps.push({ op, urn, type, ...side("old", step.old), ...side("new", step.new) });
      } else if (e.policyEvent || e.summaryEvent || e.diagnosticEvent) {
        events.push(e);
      }
    },
    result: () => ({ stack, steps, events }),
  };
}

/** `{ old: { inputs } }` without the engine-internal `__provider` key, or nothing when the step has no such side. */
function side(key: "old" | "new", state: StateLine | undefined): Partial<ShardPreview["steps"][number]> {
  if (!state) return {};
  const { __provider: _provider, ...inputs } = state.inputs ?? {};
  return { [key]: { inputs } };
}

/** A preview a CI job uploaded (`idlc preview --stack S --json > S.jsonl`), streamed: a shard's file can be 100s of MB. */
export async function readPreviewFile(stack: string, file: string): Promise<ReadPreview> {
  const reader = previewReader(stack);
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) reader.line(line);
  return reader.result();
}

/**
 * One PR comment: the people summary of the one HR export, every shard's policy results and changes, and what the
 * deployment-wide judgement would refuse.
 */
export function mergedComment(
  d: Deployment,
  previews: readonly ReadPreview[],
  options: { asOf: string; from?: string },
  problems: readonly string[],
): string {
  const collector = collectPreviewEvents();
  const totals: Record<string, number> = {};
  for (const e of previews.flatMap((r) => r.events)) {
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
