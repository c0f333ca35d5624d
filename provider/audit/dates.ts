import { AuditCode, AuditSourceError } from "./errors";

/**
 * The instant an as-of question is about: a calendar date means the end of that day in UTC (whoever had access
 * at any point up to midnight is still listed if the change that removed it came later); an RFC 3339 time is
 * taken as given.
 * @throws AuditSourceError `AUDIT_DATE_INVALID` for anything else.
 */
export function asOfInstant(text: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T23:59:59.999Z` : text;
  const ms = Date.parse(day);
  const valid =
    !Number.isNaN(ms) &&
    (day !== text
      ? new Date(ms).toISOString().slice(0, 10) === text
      : /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(text));
  if (!valid) {
    throw new AuditSourceError(
      AuditCode.dateInvalid,
      `"${text}" is not a date`,
      "Write yyyy-MM-dd (the end of that day, UTC) or an RFC 3339 time such as 2026-03-01T12:00:00Z.",
    );
  }
  return new Date(ms).toISOString();
}

/** The start of an HR calendar date in UTC, in epoch milliseconds (HR dates carry no time of day). */
export const startOfDay = (isoDate: string): number => Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);

/** Hours between two epoch-millisecond instants, rounded to the minute. */
export const hoursBetween = (from: number, to: number): number => Math.round((to - from) / 60_000) / 60;
