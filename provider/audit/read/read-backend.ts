/**
 * Reads a stack's history from a diy (`file://`) backend directory: every `<stack>-<nano>.history.json` with the
 * `.checkpoint.json` copy of the same prefix (gzip variants too), oldest first.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { AuditCode, AuditSourceError } from "../errors";
import { parseCheckpoint, parseHistoryEntry } from "./parse";
import { numberUpdates, type AuditUpdate } from "./update";

/** Where a stack's state lives: the backend directory (the one holding `.pulumi`, or `.pulumi` itself). */
export interface BackendSource {
  backendDir: string;
  project: string;
  stack: string;
}

/** One update's files in a history directory; names relative to it. */
export interface HistoryFiles {
  history: string;
  checkpoint?: string;
}

/** `<backendDir>/.pulumi`, or backendDir itself when it already is the bookkeeping directory. */
export function bookkeepingDir(backendDir: string): string {
  const inner = path.join(backendDir, ".pulumi");
  return existsSync(inner) || path.basename(backendDir) !== ".pulumi" ? inner : backendDir;
}

/** `history/<project>/<stack>` (meta.yaml v1 layout), else the legacy `history/<stack>`. */
export function historyDirOf(source: BackendSource): string {
  const root = bookkeepingDir(source.backendDir);
  const scoped = path.join(root, "history", source.project, source.stack);
  const legacy = path.join(root, "history", source.stack);
  return !existsSync(scoped) && existsSync(legacy) ? legacy : scoped;
}

/** The history entries of a directory in file-name (= nanosecond) order, each with its checkpoint copy if present. */
export function listHistoryFiles(historyDir: string): HistoryFiles[] {
  const names = existsSync(historyDir) ? readdirSync(historyDir).sort() : [];
  const present = new Set(names);
  return names
    .filter((n) => /\.history\.json(\.gz|\.zst)?$/.test(n))
    .map((history) => {
      const checkpoint = history.replace(".history.json", ".checkpoint.json");
      return present.has(checkpoint) ? { history, checkpoint } : { history };
    });
}

/** Reads a history or checkpoint file, gunzipping `.gz`. */
export function readStateText(file: string): string {
  if (file.endsWith(".zst")) {
    throw new AuditSourceError(
      AuditCode.sourceMissing,
      `${file} is zstd-compressed, which Node 20 cannot read`,
      "Decompress it first (zstd -d), or set PULUMI_DIY_BACKEND_GZIP instead of ZSTD.",
      { file },
    );
  }
  const bytes = readFileSync(file);
  return (file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
}

/**
 * Every update of the stack with the idlc resources of its checkpoint, oldest first.
 * @throws AuditSourceError when the stack has no history, or a file is not in the Pulumi format.
 */
export function readBackendHistory(source: BackendSource): AuditUpdate[] {
  const dir = historyDirOf(source);
  const files = listHistoryFiles(dir);
  if (files.length === 0) {
    throw new AuditSourceError(
      AuditCode.sourceMissing,
      `no history for stack ${source.project}/${source.stack} in ${dir}`,
      "Run at least one update, point --backend at the right backend, or audit exported files (--history, --export).",
      { file: dir },
    );
  }
  const updates = files.map(({ history, checkpoint }) => {
    const record = parseHistoryEntry(readStateText(path.join(dir, history)), path.join(dir, history));
    if (!checkpoint) return record;
    const file = path.join(dir, checkpoint);
    return {
      ...record,
      resources: parseCheckpoint(readStateText(file), file).resources,
      source: { ...record.source, checkpoint: file },
    };
  });
  return numberUpdates(updates);
}
