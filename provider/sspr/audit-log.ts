/**
 * The portal's audit events, appended one JSON line each to a hash-chained log (each line carries the SHA-256
 * of the previous one), so an edited or removed line breaks the chain. No event ever holds a password or a
 * token; addresses are the client's only.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";

export interface SsprEvent {
  type: string;
  employeeId?: string;
  app?: string;
  client?: string;
  detail?: string;
}

export interface LoggedEvent extends SsprEvent {
  at: string;
  previous: string;
  hash: string;
}

const GENESIS = "0".repeat(64);

function lineHash(previous: string, body: string): string {
  return createHash("sha256").update(previous).update(body).digest("hex");
}

/** An appender bound to `file`, starting from the chain's current end. */
export function auditLog(file: string, now: () => Date = () => new Date()): (event: SsprEvent) => void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const lines = existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
  let previous = lines.length ? (JSON.parse(lines[lines.length - 1]!) as LoggedEvent).hash : GENESIS;
  return (event) => {
    const body = JSON.stringify({ at: now().toISOString(), ...event, previous });
    const hash = lineHash(previous, body);
    appendFileSync(file, `${JSON.stringify({ ...JSON.parse(body), hash })}\n`, { mode: 0o600 });
    previous = hash;
  };
}

/** Reads the log back and checks every link; the first broken line number (1-based), if any. */
export function readAuditLog(file: string): { events: LoggedEvent[]; brokenAt?: number } {
  if (!existsSync(file)) return { events: [] };
  const events = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as LoggedEvent);
  let previous = GENESIS;
  for (const [index, event] of events.entries()) {
    const { hash, ...rest } = event;
    if (rest.previous !== previous || lineHash(previous, JSON.stringify(rest)) !== hash) {
      return { events, brokenAt: index + 1 };
    }
    previous = hash;
  }
  return { events };
}
