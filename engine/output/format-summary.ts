import type { StepOp, SummaryEvent } from "../events";
import { opSymbol } from "./format-step";

// The order and wording of Pulumi's "Resources:" block (pkg/backend/display); replacement sub-steps are not counted.
const SUMMARY_OPS: Array<[StepOp, string, string]> = [
  ["create", "to create", "created"],
  ["update", "to update", "updated"],
  ["delete", "to delete", "deleted"],
  ["replace", "to replace", "replaced"],
  ["read", "to read", "read"],
  ["refresh", "to refresh", "refreshed"],
  ["discard", "to discard", "discarded"],
];

/** `2s`, `1m5s`, `1h0m3s`: Go's Duration string, rounded to whole seconds. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}

/** Pulumi's end-of-run block: one line per kind of change, then "N changes. M unchanged", then the duration. */
export function formatSummary(summary: SummaryEvent): string[] {
  const lines = ["Resources:"];
  const changes = summary.resourceChanges;
  let kinds = 0;
  let total = 0;
  for (const [op, planned, done] of SUMMARY_OPS) {
    const count = changes[op] ?? 0;
    if (!count) continue;
    kinds++;
    total += count;
    lines.push(`    ${opSymbol(op)} ${count} ${summary.isPreview ? planned : done}`);
  }
  const tail: string[] = [];
  if (kinds > 1) tail.push(`${total} changes`);
  if (changes.same) tail.push(`${changes.same} unchanged`);
  if (tail.length) lines.push(`    ${tail.join(". ")}`);
  lines.push("", `Duration: ${formatDuration(summary.durationSeconds)}`);
  return lines;
}
