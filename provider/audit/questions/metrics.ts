/**
 * How fast access follows HR: time-to-provision (hire date → the update that first enabled an account) and
 * time-to-deprovision (leaving date → the update after which none of the person's accounts was enabled), per
 * person and as percentiles, plus leavers whose access outlived the policy — including leavers still enabled.
 *
 * Start dates come from the state (`lifecycleSince`) and else from HR (hire date; the earlier of termination and
 * contract end), taken at 00:00 UTC of that day. A change in the first snapshot is the baseline (accounts
 * adopted when idlc took over), not a measurement; a return from leave is neither a joiner nor a leaver.
 */
import type { Person } from "../../hr";
import { hoursBetween, startOfDay } from "../dates";
import {
  hrToDisabled,
  nearestRank,
  secondsDistribution,
  type HrTerminationEvent,
  type HrToDisabled,
  type SecondsDistribution,
} from "./hr-to-disabled";
import type { AuditAccount } from "../read/resources";
import { accountsOf, type Snapshot } from "./snapshots";
import { failedAttemptsOf, updateRef, type UpdateRef } from "./timeline";
import { effectiveTime } from "../read/update";

export interface Measure {
  employeeId: string;
  name: string;
  /** Job title (HR's, else the account's). */
  title?: string;
  kind: "provision" | "deprovision";
  /** The HR date it is measured from (yyyy-MM-dd); undefined when neither state nor HR knows it. */
  start?: string;
  startFrom?: "state" | "hr";
  /** The update that completed it; undefined while a leaver is still enabled. */
  update?: UpdateRef;
  hours?: number;
  /** A leaver whose access is still on at `now`. */
  open: boolean;
  late: boolean;
}

export interface Distribution {
  count: number;
  p50?: number;
  p90?: number;
  max?: number;
}

export interface AuditMetrics {
  policyHours: number;
  now: string;
  provisioning: Measure[];
  deprovisioning: Measure[];
  timeToProvision: Distribution;
  timeToDeprovision: Distribution;
  /** Leavers over the policy, finished or still open, slowest first. */
  lateLeavers: Measure[];
  /** Every account change an update attempted and could not apply, oldest first: why a leaver may still be on. */
  failedAttempts: Array<{ employeeId: string; app: string; op: string; message: string; update: UpdateRef }>;
  /** Per leaver `idlc hr pull` recorded: terminated in HR → disabled in every app, in seconds. */
  hrToDisabled: HrToDisabled[];
  timeHrToDisabled: SecondsDistribution;
}

export interface MetricsOptions {
  people?: readonly Person[];
  /** Deprovisioning policy in hours; default 24. */
  policyHours?: number;
  /** The time open leavers are measured to (RFC 3339); default the current time. */
  now?: string;
  /** Terminations as `idlc hr pull` recorded them, for the HR → disabled times. */
  hrTerminations?: readonly HrTerminationEvent[];
}

export function auditMetrics(snapshots: readonly Snapshot[], options: MetricsOptions = {}): AuditMetrics {
  const policyHours = options.policyHours ?? 24;
  const now = options.now ?? new Date().toISOString();
  const hr = new Map((options.people ?? []).map((p) => [p.employeeId, p]));
  const ids = new Set([...hr.keys(), ...snapshots.flatMap((s) => [...s.accounts.values()].map((a) => a.employeeId))]);
  const measures = [...ids]
    .sort()
    .flatMap((id) => personMeasures(id, snapshots, hr.get(id), policyHours, Date.parse(now)));
  const provisioning = measures.filter((m) => m.kind === "provision");
  const deprovisioning = measures.filter((m) => m.kind === "deprovision");
  const lateLeavers = deprovisioning.filter((m) => m.late).sort((a, b) => b.hours! - a.hours!);
  const failedAttempts = snapshots.flatMap((s) =>
    failedAttemptsOf(s.update).map(({ employeeId, app, op, message }) => ({
      employeeId,
      app,
      op,
      message,
      update: updateRef(s.update),
    })),
  );
  const fromHr = hrToDisabled(snapshots, options.hrTerminations ?? [], hr, Date.parse(now));
  return {
    policyHours,
    now,
    provisioning,
    deprovisioning,
    timeToProvision: distribution(provisioning),
    timeToDeprovision: distribution(deprovisioning.filter((m) => !m.open)),
    lateLeavers,
    failedAttempts,
    hrToDisabled: fromHr,
    timeHrToDisabled: secondsDistribution(fromHr),
  };
}

function personMeasures(
  id: string,
  snapshots: readonly Snapshot[],
  person: Person | undefined,
  policyHours: number,
  now: number,
): Measure[] {
  const out: Measure[] = [];
  let name = person?.displayName ?? id;
  let title = person?.title;
  let before: AuditAccount[] = [];
  let lastChange = -Infinity;
  const measure = (
    kind: Measure["kind"],
    start: { date: string; from: "state" | "hr" } | undefined,
    end: number,
    s?: Snapshot,
  ): Measure => {
    const hours = start ? hoursBetween(startOfDay(start.date), end) : undefined;
    return {
      employeeId: id,
      name,
      ...(title ? { title } : {}),
      kind,
      ...(start ? { start: start.date, startFrom: start.from } : {}),
      ...(s ? { update: updateRef(s.update) } : {}),
      ...(hours !== undefined ? { hours } : {}),
      open: !s,
      late: kind === "deprovision" && hours !== undefined && hours > policyHours,
    };
  };
  snapshots.forEach((s, index) => {
    const after = accountsOf(s, id);
    name = person?.displayName ?? after.find((a) => a.displayName)?.displayName ?? name;
    title = person?.title ?? after.find((a) => a.title)?.title ?? title;
    const wasOn = before.some((a) => a.enabled);
    const isOn = after.some((a) => a.enabled);
    const end = Date.parse(effectiveTime(s.update));
    const fromLeave = before.length > 0 && before.every((a) => a.lifecycle === "leave");
    if (!wasOn && isOn && index > 0 && !fromLeave) {
      const state = after.find((a) => a.enabled && a.lifecycle === "active" && a.lifecycleSince)?.lifecycleSince;
      out.push(measure("provision", pickStart(state, person?.hireDate, lastChange, end), end, s));
      lastChange = end;
    }
    if (wasOn && !isOn && index > 0 && !after.some((a) => a.lifecycle === "leave")) {
      const state = after.find((a) => a.lifecycle === "terminated" && a.lifecycleSince)?.lifecycleSince;
      out.push(measure("deprovision", pickStart(state, leavingDate(person), lastChange, end), end, s));
      lastChange = end;
    }
    before = after;
  });
  const leaving = leavingDate(person);
  if (before.some((a) => a.enabled) && leaving && startOfDay(leaving) <= now && startOfDay(leaving) > lastChange) {
    out.push(measure("deprovision", { date: leaving, from: "hr" }, now));
  }
  return out;
}

/** State's date first; HR's only when it falls after the person's previous change and by the update's day. */
function pickStart(state: string | undefined, hrDate: string | undefined, lastChange: number, end: number) {
  if (state) return { date: state.slice(0, 10), from: "state" as const };
  if (hrDate && startOfDay(hrDate) > lastChange && startOfDay(hrDate) <= end)
    return { date: hrDate, from: "hr" as const };
  return undefined;
}

function leavingDate(person: Person | undefined): string | undefined {
  const dates = [person?.terminationDate, person?.endDate].filter((d): d is string => d !== undefined).sort();
  return dates[0];
}

/** Nearest-rank percentiles (the p-th percentile is the smallest value with at least p% of values at or below it). */
export function distribution(measures: readonly Measure[]): Distribution {
  const values = measures.map((m) => m.hours).filter((h): h is number => h !== undefined);
  if (values.length === 0) return { count: 0 };
  return { count: values.length, p50: nearestRank(values, 50), p90: nearestRank(values, 90), max: Math.max(...values) };
}
