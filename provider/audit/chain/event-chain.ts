/**
 * Tamper evidence for events that are not stack updates — the reset portal's requests, links and resets: one JSON
 * line per event carrying the SHA-256 of the line before (`previous`) and its own (`hash`, over `previous` and the
 * line's body), so editing, removing or reordering a line breaks the chain from there on. The portal appends
 * (it runs apart from `idlc up`, on its own host, and never takes the stack lock); the audit readers verify it
 * next to the stack's `chain.jsonl` and merge its events into timelines and the report. Its head is pinned by every
 * stack update and by a head file beside it (event-log-head.ts), so a deleted log or a cut-off tail is caught too.
 */
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { GENESIS } from "../../../engine/audit-interface";
import {
  headFileOf,
  headOf,
  pinBrokenBecause,
  readHeadFile,
  writeHeadFile,
  type EventLogHead,
  type PinnedHead,
} from "./event-log-head";

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
  /** The last line's hash: publish it to pin the log's end beyond what updates and the head file pin. */
  head?: string;
  firstMismatch?: { line: number; reason: string };
  /** The file does not exist: a failure when the stack expects it (it sets `identity:sspr`) or a head pinned events. */
  missing?: boolean;
  /** How many recorded heads (stack updates' and the head file's) the log was checked against. */
  pinsChecked?: number;
  /** The first recorded head the log no longer holds: it was deleted, cut off or replaced. */
  pinMismatch?: { by: string; events: number; reason: string };
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

/**
 * An appender bound to `file` (0600, its folder 0700), continuing from the chain's current end — re-read whenever
 * the file changed under it, since `idlc sspr send-link` and `activate` append beside a running portal. After each
 * event it moves the head file forward; it stops doing so (and says why, once) when the head file records events
 * the log no longer holds, so a cut-off tail stays detectable instead of being papered over.
 */
export function eventChainAppender(file: string, now: () => Date = () => new Date()): (event: ServiceEvent) => void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // The log exists from the portal's first start, so `idlc audit verify` can tell "never ran" from "deleted".
  if (!existsSync(file)) writeFileSync(file, "", { mode: 0o600, flag: "a" });
  const pinFile = headFileOf(file);
  let known = load(file, pinFile);
  return (event) => {
    if (sizeOf(file) !== known.size) known = load(file, pinFile);
    const body = JSON.stringify({ at: now().toISOString(), ...event, previous: known.head.head });
    const hash = lineHash(known.head.head, body);
    const line = `${JSON.stringify({ ...JSON.parse(body), hash })}\n`;
    appendFileSync(file, line, { mode: 0o600 });
    known = {
      ...known,
      size: known.size + Buffer.byteLength(line),
      head: { events: known.head.events + 1, head: hash },
    };
    if (!known.pinBroken) pinForward(pinFile, known.head);
  };
}

interface Known {
  size: number;
  head: EventLogHead;
  pinBroken?: string;
}

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

function load(file: string, pinFile: string): Known {
  const size = sizeOf(file);
  const events = linesOf(file).map((l) => JSON.parse(l) as ChainedEvent);
  const pinned = readHeadFile(pinFile);
  const pinBroken = pinned && pinBrokenBecause(events, pinned, existsSync(file));
  if (pinBroken) {
    process.stderr.write(`warning: ${pinFile} no longer matches ${file} (${pinBroken}); run idlc audit verify\n`);
  }
  return { size, head: headOf(events), ...(pinBroken ? { pinBroken } : {}) };
}

/** Moves the head file to `head` unless another appender already moved it further. */
function pinForward(pinFile: string, head: EventLogHead): void {
  const pinned = readHeadFile(pinFile);
  if (pinned === undefined || pinned === "unreadable" || pinned.events < head.events) writeHeadFile(pinFile, head);
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

/**
 * `readEventChain` plus what a line-by-line check cannot see: a log the stack expects (`required`) that is missing,
 * and a log that no longer holds a head recorded by a stack update (`pins`) or by its own head file.
 */
export function verifyEventLog(
  file: string,
  options: { required?: boolean; pins?: readonly PinnedHead[] } = {},
): EventChainVerification {
  const exists = existsSync(file);
  const read = readEventChain(file);
  const { events } = read;
  const verification = exists ? read.verification : { ...read.verification, missing: true };
  if (!exists && options.required) return { ...verification, ok: false };
  if (!verification.ok) return verification;
  const pinFile = headFileOf(file);
  const own = readHeadFile(pinFile);
  const pins = [...(options.pins ?? []), ...(own ? [{ by: pinFile, head: own }] : [])];
  for (const pin of pins) {
    const reason = pinBrokenBecause(events, pin.head, exists);
    if (reason) {
      const recorded = pin.head === "unreadable" ? 0 : pin.head.events;
      const pinMismatch = { by: pin.by, events: recorded, reason };
      return { ...verification, ok: false, pinsChecked: pins.length, pinMismatch };
    }
  }
  return { ...verification, pinsChecked: pins.length };
}
