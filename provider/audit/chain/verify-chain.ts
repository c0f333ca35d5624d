/**
 * Recomputes a history directory's hash chain and names the first entry that does not match, plus every history
 * entry the chain does not cover. Event chains kept beside the stack (the reset portal's log) are verified with it:
 * the stack verifies only when every one of them does too.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CHAIN_FILE, GENESIS, hashOf, sha256 } from "../../../engine/audit-interface";
import { verifyEventLog, type EventChainVerification } from "./event-chain";
import { readAnchor, type PinnedHead } from "./event-log-head";
import { listHistoryFiles, readStateText } from "../read/read-backend";

const ChainLineWire = z.object({
  v: z.literal(1),
  history: z.string().min(1),
  historySha256: z.string().regex(/^[0-9a-f]{64}$/),
  checkpoint: z.string().min(1).nullable(),
  checkpointSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  previous: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

export interface ChainMismatch {
  /** 1-based line of chain.jsonl. */
  line: number;
  /** The update's position among the directory's history entries (1 = oldest), when the file exists. */
  version?: number;
  history?: string;
  reason: string;
}

export interface ChainVerification {
  ok: boolean;
  chainFile: string;
  /** Lines checked before the first mismatch (all of them when there is none). */
  verified: number;
  /** The last line's hash: publish it (CI log, tag) to pin the chain's end. */
  head?: string;
  firstMismatch?: ChainMismatch;
  /** History entries older than the chain's first entry: written before the chain began. */
  notCoveredBefore: string[];
  /** History entries not chained although newer than its start: inserted, or written by a tool that does not chain. */
  notCoveredAfter: string[];
  /** The event chains verified with the stack's (absent when none was given). */
  eventLogs?: EventChainVerification[];
}

/** An event chain kept beside the stack (the reset portal's log), verified with the stack's chain. */
export interface EventLogSpec {
  file: string;
  /** The stack expects the log (it sets `identity:sspr`): a missing file fails instead of reading as an empty log. */
  required?: boolean;
  /** The history `environment` key under which updates record the log's head (`PORTAL_LOG_ANCHOR`). */
  anchor?: string;
}

/** `eventLogs`: event chains to verify with the stack's; without `required`, a missing file is an empty log. */
export function verifyChain(historyDir: string, eventLogs: readonly EventLogSpec[] = []): ChainVerification {
  const chainFile = path.join(historyDir, CHAIN_FILE);
  const entries = listHistoryFiles(historyDir);
  const position = new Map(entries.map((e, i) => [e.history, i + 1]));
  const text = existsSync(chainFile) ? readFileSync(chainFile, "utf8") : "";
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  let previous = GENESIS;
  let firstMismatch: ChainMismatch | undefined;
  const covered: string[] = [];
  for (const [index, raw] of lines.entries()) {
    const problem = checkLine(historyDir, raw, previous);
    const history = problem.entry?.history;
    if (history) covered.push(history);
    if (problem.reason) {
      const version = history ? position.get(history) : undefined;
      firstMismatch = {
        line: index + 1,
        ...(version ? { version } : {}),
        ...(history ? { history } : {}),
        reason: problem.reason,
      };
      break;
    }
    previous = problem.entry!.hash;
  }
  const first = covered.length ? Math.min(...covered.map((h) => position.get(h) ?? Infinity)) : Infinity;
  const uncovered = entries.filter((e) => !covered.includes(e.history));
  const notCoveredBefore = firstMismatch
    ? []
    : uncovered.filter((e) => position.get(e.history)! < first).map((e) => e.history);
  const notCoveredAfter = firstMismatch
    ? []
    : uncovered.filter((e) => position.get(e.history)! > first).map((e) => e.history);
  const verified = firstMismatch ? firstMismatch.line - 1 : lines.length;
  // Only heads recorded by updates the chain proved: an entry after the first mismatch could be forged.
  const proven = firstMismatch ? covered.slice(0, -1) : covered;
  const logs = eventLogs.map((log) =>
    verifyEventLog(log.file, {
      ...(log.required ? { required: true } : {}),
      pins: log.anchor ? recordedHeads(historyDir, proven, position, log.anchor) : [],
    }),
  );
  const ok = !firstMismatch && lines.length > 0 && notCoveredAfter.length === 0 && logs.every((l) => l.ok);
  return {
    ok,
    chainFile,
    ...(logs.length ? { eventLogs: logs } : {}),
    verified,
    ...(verified && !firstMismatch ? { head: previous } : {}),
    ...(firstMismatch ? { firstMismatch } : {}),
    notCoveredBefore: lines.length ? notCoveredBefore : entries.map((e) => e.history),
    notCoveredAfter,
  };
}

function checkLine(
  dir: string,
  raw: string,
  previous: string,
): { entry?: z.infer<typeof ChainLineWire>; reason?: string } {
  let parsed;
  try {
    parsed = ChainLineWire.safeParse(JSON.parse(raw));
  } catch {
    return { reason: "the line is not JSON" };
  }
  if (!parsed.success) return { reason: `the line is not a chain entry (${parsed.error.issues[0]!.path.join(".")})` };
  const entry = parsed.data;
  if (entry.previous !== previous)
    return {
      entry,
      reason: "its previous hash is not the hash of the line before: a line was removed, inserted or reordered",
    };
  const historyPath = path.join(dir, entry.history);
  if (!existsSync(historyPath)) return { entry, reason: `history entry ${entry.history} is missing` };
  if (sha256(readFileSync(historyPath)) !== entry.historySha256)
    return { entry, reason: `history entry ${entry.history} was changed after it was chained` };
  const checkpoint = entry.checkpoint ?? entry.history.replace(".history.json", ".checkpoint.json");
  const checkpointPath = path.join(dir, checkpoint);
  const actual = existsSync(checkpointPath) ? sha256(readFileSync(checkpointPath)) : null;
  if (actual !== entry.checkpointSha256) {
    const what =
      actual === null
        ? "is missing"
        : entry.checkpointSha256 === null
          ? "appeared after the update was chained"
          : "was changed after it was chained";
    return { entry, reason: `checkpoint ${checkpoint} ${what}` };
  }
  if (hashOf(entry.previous, entry.historySha256, entry.checkpointSha256) !== entry.hash)
    return { entry, reason: "the line's own hash does not match its contents" };
  return { entry };
}

/** The event-log heads the proven history entries recorded under `key`, oldest first. */
function recordedHeads(
  dir: string,
  histories: readonly string[],
  position: ReadonlyMap<string, number>,
  key: string,
): PinnedHead[] {
  const pins: PinnedHead[] = [];
  for (const history of histories) {
    const by = `update ${position.get(history) ?? "?"} (${history})`;
    let environment: Record<string, unknown> | undefined;
    try {
      environment = (JSON.parse(readStateText(path.join(dir, history))) as { environment?: Record<string, unknown> })
        .environment;
    } catch {
      continue; // a history entry that cannot be read is not a head; the chain already proved its bytes
    }
    const head = readAnchor(environment, key);
    if (head) pins.push({ by, head });
  }
  return pins;
}
