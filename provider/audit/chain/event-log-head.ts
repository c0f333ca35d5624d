/**
 * An event log's head — how many events, and the last one's hash — pinned in two places so that deleting the log or
 * cutting off its tail is caught, not only editing a line. Every stack update records the head it saw in its
 * history entry's `environment` (`PORTAL_LOG_ANCHOR`); that entry is itself hashed into the stack's chain.jsonl, so
 * the record cannot be changed unseen. The appender also keeps the latest head in a 0600 file beside the log, which
 * covers events written since the last update. Verification checks that the log still begins with every pinned
 * prefix: a log is append-only, so a pinned head the log no longer holds means it was cut, replaced or deleted.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { GENESIS } from "../../../engine/audit-interface";
import type { ChainedEvent } from "./event-chain";

/** The history `environment` key under which a stack update records the reset portal's log head. */
export const PORTAL_LOG_ANCHOR = "idlc.sspr.log";

export const EventLogHead = z.strictObject({
  events: z.number().int().min(0),
  head: z.string().regex(/^[0-9a-f]{64}$/),
});
export type EventLogHead = z.infer<typeof EventLogHead>;

/** A head recorded somewhere, and where (an update's history entry, or the head file). */
export interface PinnedHead {
  by: string;
  head: EventLogHead | "unreadable";
}

/** The file beside `audit.jsonl` where the appender keeps the latest head: `audit.head.json`. */
export const headFileOf = (logFile: string): string => `${logFile.replace(/\.jsonl$/, "")}.head.json`;

export const headOf = (events: readonly Pick<ChainedEvent, "hash">[]): EventLogHead => ({
  events: events.length,
  head: events.length ? events[events.length - 1]!.hash : GENESIS,
});

/** The head file's contents; undefined when there is none, "unreadable" when it is not a head. */
export function readHeadFile(file: string): EventLogHead | "unreadable" | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = EventLogHead.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : "unreadable";
  } catch {
    return "unreadable";
  }
}

/** Replaces the head file atomically (0600), so a crash never leaves half a head. */
export function writeHeadFile(file: string, head: EventLogHead): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(head)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/** The history `environment` entry recording `head`. */
export function anchorEnvironment(head: EventLogHead): Record<string, string> {
  return { [PORTAL_LOG_ANCHOR]: JSON.stringify(head) };
}

/** The head a history entry's environment recorded under `key`: undefined when none, "unreadable" when not a head. */
export function readAnchor(
  environment: Record<string, unknown> | null | undefined,
  key = PORTAL_LOG_ANCHOR,
): EventLogHead | "unreadable" | undefined {
  const raw = environment?.[key];
  if (raw === undefined) return undefined;
  try {
    const parsed = EventLogHead.safeParse(JSON.parse(String(raw)));
    return parsed.success ? parsed.data : "unreadable";
  } catch {
    return "unreadable";
  }
}

/**
 * Why the verified `events` (the whole log, read and checked) do not hold `pinned`: undefined when they begin with
 * it. `exists` tells a deleted log from one cut to nothing.
 */
export function pinBrokenBecause(
  events: readonly Pick<ChainedEvent, "hash">[],
  pinned: EventLogHead | "unreadable",
  exists: boolean,
): string | undefined {
  if (pinned === "unreadable") return "the recorded head is not readable (events and head hash)";
  if (pinned.events === 0) return undefined;
  if (!exists) return `the log is missing, but it held ${pinned.events} event(s)`;
  if (events.length < pinned.events) {
    return `the log ends after ${events.length} event(s), but it held ${pinned.events}: its tail was cut off`;
  }
  if (events[pinned.events - 1]!.hash !== pinned.head) {
    return `event ${pinned.events} is not the one recorded there: the log was replaced`;
  }
  return undefined;
}
