/**
 * Time from "terminated in HR" to "disabled in every app", per leaver: the start is the moment `idlc hr pull`
 * recorded for the termination (the HR system's own change time where the vendor gives one), the end the update
 * after which none of the person's accounts was enabled — the last app's disable step. Measured in seconds, since
 * the leaver fast lane works in seconds, not days.
 */
import type { Person } from "../../hr";
import { accountsOf, type Snapshot } from "./snapshots";
import { updateRef, type UpdateRef } from "./timeline";
import { effectiveTime } from "../read/update";

/** One termination as `idlc hr pull` recorded it (`hr-terminations.yaml` next to the export). */
export interface HrTerminationEvent {
  employeeId: string;
  /** RFC 3339: when the person was terminated in HR (never before their termination day begins). */
  terminatedInHr: string;
  /** Where that time comes from, e.g. `bamboohr lastChanged`, or `pull` when the vendor gives no change time. */
  from: string;
}

export interface HrToDisabled {
  employeeId: string;
  name: string;
  terminatedInHr: string;
  from: string;
  /** The update that left no account enabled; undefined while one still is. */
  update?: UpdateRef;
  /** Seconds from the HR change to that update's end (0 when access was already off, e.g. by `idlc kill`). */
  seconds: number;
  open: boolean;
}

export interface SecondsDistribution {
  count: number;
  p50?: number;
  p95?: number;
  max?: number;
}

/** Each recorded termination measured against the stack history; people with no account in it are left out. */
export function hrToDisabled(
  snapshots: readonly Snapshot[],
  events: readonly HrTerminationEvent[],
  people: ReadonlyMap<string, Person>,
  now: number,
): HrToDisabled[] {
  return events.flatMap((event) => {
    const start = Date.parse(event.terminatedInHr);
    const held = snapshots.map((s) => ({
      s,
      time: Date.parse(effectiveTime(s.update)),
      accounts: accountsOf(s, event.employeeId),
    }));
    if (!held.some((h) => h.accounts.length > 0)) return [];
    const off = (h: (typeof held)[number]) => h.accounts.length > 0 && !h.accounts.some((a) => a.enabled);
    const before = held.filter((h) => h.time < start).at(-1);
    const done = before && off(before) ? before : held.find((h) => h.time >= start && off(h));
    const name =
      people.get(event.employeeId)?.displayName ??
      held.flatMap((h) => h.accounts).find((a) => a.displayName)?.displayName ??
      event.employeeId;
    const seconds = Math.max(0, ((done?.time ?? now) - start) / 1000);
    return [
      {
        employeeId: event.employeeId,
        name,
        terminatedInHr: event.terminatedInHr,
        from: event.from,
        ...(done ? { update: updateRef(done.s.update) } : {}),
        seconds,
        open: !done,
      },
    ];
  });
}

/** Nearest-rank p50/p95/max of the finished measures. */
export function secondsDistribution(measures: readonly HrToDisabled[]): SecondsDistribution {
  const values = measures.filter((m) => !m.open).map((m) => m.seconds);
  if (values.length === 0) return { count: 0 };
  return { count: values.length, p50: nearestRank(values, 50), p95: nearestRank(values, 95), max: Math.max(...values) };
}

/** The p-th percentile: the smallest value with at least p% of values at or below it. */
export function nearestRank(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
