/**
 * The live view's model: per app, how many of its resources the run has reached, finished and failed, which are
 * in flight and since when, and the app's latest status message (a provider's ephemeral diagnostic, e.g. a wait
 * on a rate limit). Pure: events and clock readings in, lines out, so it is tested without a terminal.
 */
import type { EngineEvent, StepOp } from "../events";
import { formatDuration } from "./format-summary";
import { opSymbol, resourceName } from "./format-step";

interface AppRow {
  reached: Set<string>;
  finished: Set<string>;
  failed: Set<string>;
  /** Resource → when its step started, while it runs. */
  running: Map<string, number>;
  /** Steps that change something, by op. */
  changes: Map<StepOp, number>;
  /** The latest status message, until the step that sent it ends. */
  status?: { urn: string; text: string };
}

export interface Progress {
  startedAt: number;
  apps: Map<string, AppRow>;
}

export function newProgress(now: number): Progress {
  return { startedAt: now, apps: new Map() };
}

/**
 * The app a resource belongs to: its name up to the first `/` (`slack/E001` → slack, `scim:github/E001` →
 * scim:github). The stack and components without one are "other".
 */
export function appOf(urn: string): string {
  const name = resourceName(urn);
  const slash = name.indexOf("/");
  return slash > 0 ? name.slice(0, slash) : "other";
}

function rowOf(progress: Progress, urn: string): AppRow {
  const app = appOf(urn);
  let row = progress.apps.get(app);
  if (!row) {
    row = { reached: new Set(), finished: new Set(), failed: new Set(), running: new Map(), changes: new Map() };
    progress.apps.set(app, row);
  }
  return row;
}

/** Applies one engine event; returns whether the view changed. */
export function track(progress: Progress, event: EngineEvent, now: number): boolean {
  const pre = event.resourcePreEvent;
  if (pre) {
    const row = rowOf(progress, pre.metadata.urn);
    if (!row.reached.has(pre.metadata.urn) && pre.metadata.op !== "same") {
      row.changes.set(pre.metadata.op, (row.changes.get(pre.metadata.op) ?? 0) + 1);
    }
    row.reached.add(pre.metadata.urn);
    if (!pre.planning && pre.metadata.op !== "same") row.running.set(pre.metadata.urn, now);
    return true;
  }
  const done = event.resOutputsEvent ?? event.resOpFailedEvent;
  if (done) {
    const row = rowOf(progress, done.metadata.urn);
    row.running.delete(done.metadata.urn);
    if (row.status?.urn === done.metadata.urn) row.status = undefined;
    (event.resOpFailedEvent ? row.failed : row.finished).add(done.metadata.urn);
    return true;
  }
  const diagnostic = event.diagnosticEvent;
  if (diagnostic?.ephemeral && diagnostic.urn) {
    const row = rowOf(progress, diagnostic.urn);
    const text = diagnostic.message.trim().split("\n")[0]!;
    // An empty status ends the one this resource showed (the call that waited proceeds), not another's.
    if (text) row.status = { urn: diagnostic.urn, text };
    else if (row.status?.urn === diagnostic.urn) row.status = undefined;
    return true;
  }
  return false;
}

const BAR = 20;
/** A step in flight this long is worth pointing at (a slow app, a lock, a wait the provider did not announce). */
const SLOW_MS = 5_000;

function stuck(ms: number): string {
  return ms >= SLOW_MS ? ` (oldest ${formatDuration(ms / 1000)})` : "";
}

function bar(done: number, total: number): string {
  const filled = total ? Math.round((done / total) * BAR) : 0;
  return `${"█".repeat(filled)}${"░".repeat(BAR - filled)}`;
}

/** One line per app (fixed count, so the view redraws in place at any size), under an elapsed-time header. */
export function progressLines(progress: Progress, now: number, columns: number): string[] {
  const apps = [...progress.apps.entries()].filter(([app]) => app !== "other").sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(5, ...apps.map(([app]) => app.length));
  const digits = String(Math.max(1, ...apps.map(([, r]) => r.reached.size))).length;
  const finished = apps.reduce((n, [, r]) => n + r.finished.size + r.failed.size, 0);
  const reached = apps.reduce((n, [, r]) => n + r.reached.size, 0);
  const header = `${formatDuration((now - progress.startedAt) / 1000)} elapsed · ${finished}/${reached} resources`;
  const lines = apps.map(([app, r]) => {
    const done = r.finished.size + r.failed.size;
    const changes = [...r.changes.entries()].map(([op, n]) => `${opSymbol(op)}${n}`).join(" ");
    const inFlight = r.running.size ? `${r.running.size} running${stuck(now - Math.min(...r.running.values()))}` : "";
    const failed = r.failed.size ? `${r.failed.size} failed` : "";
    // Status before the in-flight count: on a narrow terminal the cut falls on the least telling part.
    const count = `${String(done).padStart(digits)}/${String(r.reached.size).padEnd(digits)}`;
    const head = `${app.padEnd(width)}  ${bar(done, r.reached.size)}  ${count}`;
    const parts = [head, changes, failed, r.status?.text ?? "", inFlight];
    return parts.filter(Boolean).join("  ");
  });
  const cut = (line: string) => (line.length > columns ? `${line.slice(0, Math.max(0, columns - 1))}…` : line);
  return [header, ...lines].map(cut);
}
