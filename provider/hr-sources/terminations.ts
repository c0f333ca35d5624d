/**
 * `hr-terminations.yaml`, next to the export: when each leaver was terminated in the HR system, written by the pull
 * that first saw them leave and committed with the fast lane's record. `idlc audit metrics` measures from it to
 * "disabled in every app". The start is the vendor's own change time where it gives one (BambooHR `lastChanged`,
 * Personio `last_modified_at`, Rippling `updated_at`, Workday `Last_Functionally_Updated`), else the pull's time
 * (HiBob's people search has none); never after the pull, never before the termination day begins.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { z } from "zod";
import type { Person } from "../hr";
import { HrPullError } from "./errors";
import { feedChangeTimes } from "./fetch-records";
import type { PulledExport } from "./pull-export";
import type { Connection, HrVendorSource, PulledRecord } from "./record";

export const HrTermination = z.strictObject({
  employeeId: z.string().min(1),
  terminationDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** RFC 3339. */
  terminatedInHr: z.string().datetime({ offset: true }),
  /** `<vendor> <field>` for the vendor's change time, or `<vendor> pull` when it gives none. */
  from: z.string().min(1),
});
export type HrTermination = z.infer<typeof HrTermination>;

const TerminationsFile = z.strictObject({ terminations: z.array(HrTermination).default([]) });

export const terminationsFile = (exportFile: string): string =>
  path.join(path.dirname(exportFile), "hr-terminations.yaml");

/** People terminated in `people` who were not (or not on that day) in `previous`; no vendor time yet. */
export function newTerminations(previous: readonly Person[], people: readonly Person[]): Person[] {
  const before = new Map(previous.map((p) => [p.employeeId, p]));
  return people.filter((p) => {
    if (p.status !== "terminated" || !p.terminationDate) return false;
    const was = before.get(p.employeeId);
    return was?.status !== "terminated" || was.terminationDate !== p.terminationDate;
  });
}

/**
 * Each leaver's start: the vendor's change time (else the pull's), no later than the pull, and no earlier than
 * the termination day's start (a termination entered ahead of its day starts counting on that day).
 */
export function terminationEvents(
  leavers: readonly Person[],
  vendor: string,
  changeTimes: ReadonlyMap<string, { at: string; field: string }>,
  pulledAt: number,
): HrTermination[] {
  return leavers.map((p) => {
    const vendorTime = changeTimes.get(p.employeeId);
    const dayStart = Date.parse(`${p.terminationDate}T00:00:00Z`);
    const raw = vendorTime ? Date.parse(vendorTime.at) : Number.NaN;
    const at = Math.max(dayStart, Math.min(pulledAt, Number.isNaN(raw) ? pulledAt : raw));
    return {
      employeeId: p.employeeId,
      terminationDate: p.terminationDate!,
      terminatedInHr: new Date(at).toISOString(),
      from: `${vendor} ${vendorTime && !Number.isNaN(raw) ? vendorTime.field : "pull"}`,
    };
  });
}

/** Change times by employee id: the records' own, else the vendor feed's (keyed by the vendor's internal id). */
export function changeTimesById(
  records: readonly PulledRecord[],
  field: string,
  feed: ReadonlyMap<string, string> = new Map(),
): Map<string, { at: string; field: string }> {
  return new Map(
    records.flatMap((r) => {
      const at = r.changedAt ?? (r.internalId === undefined ? undefined : feed.get(r.internalId));
      return r.values.employeeId && at ? [[r.values.employeeId, { at, field }] as const] : [];
    }),
  );
}

/**
 * The terminations a successful pull brings, each with its start. When the vendor's list carries no change time
 * but it has a feed (BambooHR), one feed call since the earliest new termination day fills them in.
 */
export async function pulledTerminations(
  source: HrVendorSource,
  connection: Connection,
  pulled: Pick<PulledExport, "previous" | "people" | "records">,
  pulledAt: number,
): Promise<HrTermination[]> {
  const leavers = newTerminations(pulled.previous, pulled.people);
  if (leavers.length === 0) return [];
  const needsFeed = source.changeTimes && pulled.records.some((r) => r.changedAt === undefined);
  const since = leavers.map((p) => p.terminationDate!).sort()[0]!;
  const feed = needsFeed ? await feedChangeTimes(source, connection, `${since}T00:00:00Z`) : undefined;
  const times = changeTimesById(pulled.records, source.changeField ?? "change time", feed);
  return terminationEvents(leavers, source.vendor, times, pulledAt);
}

export function readTerminations(file: string): HrTermination[] {
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = YAML.parse(readFileSync(file, "utf8")) ?? {};
  } catch (cause) {
    const fix = "Fix the file by hand or restore it from Git.";
    throw new HrPullError("HR_PULL_RECORD", `${file} is not valid YAML`, fix, { file }, cause);
  }
  const parsed = TerminationsFile.safeParse(data);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new HrPullError(
      "HR_PULL_RECORD",
      `${file}: ${why}`,
      "Each entry needs employeeId, terminationDate (yyyy-MM-dd), terminatedInHr (RFC 3339) and from.",
      { file },
    );
  }
  return parsed.data.terminations;
}

/** Adds the terminations not recorded yet (same person, same termination day), oldest first. */
export function recordTerminations(file: string, events: readonly HrTermination[]): HrTermination[] {
  const known = readTerminations(file);
  const key = (t: HrTermination) => `${t.employeeId} ${t.terminationDate}`;
  const seen = new Set(known.map(key));
  const added = events.filter((t) => !seen.has(key(t)));
  if (added.length === 0) return [];
  const header =
    "# When each leaver was terminated in the HR system, recorded by `idlc hr pull` (docs/HR.md).\n" +
    "# `idlc audit metrics` measures from here to the update that disabled them in every app.\n";
  writeFileSync(file, header + YAML.stringify({ terminations: [...known, ...added] }));
  return added;
}
