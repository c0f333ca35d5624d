import type { StepOp } from "../events";
import { opSymbol } from "./format-step";
import { formatDuration } from "./format-summary";

/** The fields of a history entry (backend.UpdateInfo) this view reads. */
export interface HistoryEntry {
  kind: string;
  result: string;
  startTime: number;
  endTime: number;
  message: string;
  environment: Record<string, string> | null;
  resourceChanges?: Record<string, number>;
}

const CHANGE_ORDER: StepOp[] = ["create", "update", "delete", "replace", "read", "refresh", "same"];

/** `+3 ~1 -0 =5` style counts, `=` for unchanged, in Pulumi's op order. */
export function formatChanges(changes: Record<string, number> | undefined): string {
  const parts = CHANGE_ORDER.filter((op) => changes?.[op]).map(
    (op) => `${op === "same" ? "=" : opSymbol(op)}${changes![op]}`,
  );
  return parts.join(" ") || "no changes";
}

/**
 * `idlc history`: one block per update, newest first, numbered from the oldest (Pulumi's update version):
 * kind, result, time and duration, changes, the git commit and author that caused it, and the CI run.
 */
export function formatHistory(entries: readonly HistoryEntry[]): string[] {
  const lines: string[] = [];
  entries.forEach((entry, index) => {
    const env = entry.environment ?? {};
    const when = new Date(entry.startTime * 1000).toISOString().replace(".000Z", "Z");
    lines.push(
      `#${entries.length - index} ${entry.kind} ${entry.result}  ${when}  (${formatDuration(entry.endTime - entry.startTime)})`,
    );
    lines.push(`    changes: ${formatChanges(entry.resourceChanges)}`);
    if (env["git.head"]) {
      const author = env["git.author"]
        ? ` by ${env["git.author"]}${env["git.author.email"] ? ` <${env["git.author.email"]}>` : ""}`
        : "";
      const branch = env["git.headName"] ? ` ${env["git.headName"].replace(/^refs\/heads\//, "")}` : "";
      lines.push(
        `    git: ${env["git.head"].slice(0, 12)}${branch}${author}${env["git.dirty"] === "true" ? " (dirty)" : ""}`,
      );
    }
    if (env["ci.system"])
      lines.push(`    ci: ${env["ci.system"]}${env["ci.build.url"] ? ` ${env["ci.build.url"]}` : ""}`);
    if (entry.message) lines.push(`    message: ${entry.message}`);
  });
  return lines;
}
