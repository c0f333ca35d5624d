/**
 * Tamper evidence for events that are not stack updates — the reset portal's requests, links and resets: one JSON
 * line per event carrying the SHA-256 of the line before (`previous`) and its own (`hash`, over `previous` and the
 * line's body), so editing, removing or reordering a line breaks the chain from there on. The portal appends
 * (it runs apart from `idlc up`, on its own host, and never takes the stack lock); the audit readers verify it
 * next to the stack's `chain.jsonl` and merge its events into timelines and the report.
 */
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { GENESIS } from "../../../engine/provider-interface";

export interface ServiceEvent {
  type: string;
  employeeId?: string;
  app?: string;
  client?: string;
  detail?: string;
}

export interface ChainedEvent extends ServiceEvent {
  at: string;
  previous: string;
  hash: string;
}

export interface EventChainVerification {
  ok: boolean;
  file: string;
  /** Lines checked before the first mismatch (all of them when there is none). */
  verified: number;
  /** The last line's hash: publish it to pin the log's end (a truncated tail is otherwise undetectable). */
  head?: string;
  firstMismatch?: { line: number; reason: string };
}

/** Where `idlc sspr` keeps a stack's portal log, under the project's work dir. */
export function serviceLogFile(projectDir: string, stack: string): string {
  return path.join(projectDir, ".idlc", "sspr", stack.split("/").pop()!, "audit.jsonl");
}

const lineHash = (previous: string, body: string) => createHash("sha256").update(previous).update(body).digest("hex");

const linesOf = (file: string) =>
  existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l.trim())
    : [];

/** An appender bound to `file` (0600, its folder 0700), continuing from the chain's current end. */
export function eventChainAppender(file: string, now: () => Date = () => new Date()): (event: ServiceEvent) => void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const lines = linesOf(file);
  let previous = lines.length ? (JSON.parse(lines[lines.length - 1]!) as ChainedEvent).hash : GENESIS;
  return (event) => {
    const body = JSON.stringify({ at: now().toISOString(), ...event, previous });
    const hash = lineHash(previous, body);
    appendFileSync(file, `${JSON.stringify({ ...JSON.parse(body), hash })}\n`, { mode: 0o600 });
    previous = hash;
  };
}

/** Reads the log and checks every link; events after the first broken line are not returned (they are unproven). */
export function readEventChain(file: string): { events: ChainedEvent[]; verification: EventChainVerification } {
  const events: ChainedEvent[] = [];
  let previous = GENESIS;
  for (const [index, raw] of linesOf(file).entries()) {
    const reason = brokenBecause(raw, previous);
    if (reason) {
      return { events, verification: { ok: false, file, verified: index, firstMismatch: { line: index + 1, reason } } };
    }
    const event = JSON.parse(raw) as ChainedEvent;
    events.push(event);
    previous = event.hash;
  }
  const head = events.length ? { head: previous } : {};
  return { events, verification: { ok: true, file, verified: events.length, ...head } };
}

function brokenBecause(raw: string, previous: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return "the line is not JSON";
  }
  const { hash, ...rest } = parsed as Partial<ChainedEvent>;
  if (typeof hash !== "string" || typeof rest.type !== "string" || typeof rest.at !== "string") {
    return "the line is not an event (type, at and hash are required)";
  }
  if (rest.previous !== previous) {
    return "its previous hash is not the hash of the line before: a line was removed, inserted or reordered";
  }
  if (lineHash(previous, JSON.stringify(rest)) !== hash) return "the line was changed after it was written";
  return undefined;
}
