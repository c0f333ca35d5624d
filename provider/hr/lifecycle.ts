import type { IsoDate, LifecycleSettings, LifecycleState, Person } from "./person";

/**
 * Where a person stands on `asOf`. Dates are whole calendar days; boundaries, with hire day H, leaving day
 * T = the earlier of terminationDate and endDate, preHireDays P and retentionDays R:
 * - T ≤ asOf ≤ T+R → `terminated` (so the termination day itself is already disabled, and an account is
 *   always disabled for at least one day before it is deleted); asOf ≥ T+R+1 → `removed`;
 * - otherwise a `terminated` status (a leaver whose date is ahead or unknown) → `terminated`: HR says they
 *   are gone, and disabling early is the safe side;
 * - H-P ≤ asOf < H → `pre-hire`; asOf < H-P → `not-yet`; from H on the status decides (`leave` or `active`);
 * - with no hire date a `pre-hire` status stays `pre-hire`.
 * @example lifecycleOf({ ...p, hireDate: "2026-12-01" }, "2026-11-24", { preHireDays: 7, retentionDays: 30 }) // "pre-hire"
 */
export function lifecycleOf(person: Person, asOf: IsoDate, settings: LifecycleSettings): LifecycleState {
  const leaving = earliest(person.terminationDate, person.endDate);
  if (leaving !== undefined && asOf >= leaving) {
    return asOf > addDays(leaving, settings.retentionDays) ? "removed" : "terminated";
  }
  if (person.status === "terminated") return "terminated";
  if (person.hireDate !== undefined && asOf < person.hireDate) {
    return asOf >= addDays(person.hireDate, -settings.preHireDays) ? "pre-hire" : "not-yet";
  }
  if (person.hireDate === undefined && person.status === "pre-hire") return "pre-hire";
  return person.status === "leave" ? "leave" : "active";
}

/** Calendar arithmetic on ISO dates in UTC, so no timezone or daylight-saving shift can move a boundary. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function earliest(a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}
