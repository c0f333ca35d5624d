// Per-function entry points: the package index loads all ~300 of date-fns's modules, on every CLI run that reads HR.
import { isValid } from "date-fns/isValid";
import { parse } from "date-fns/parse";
import { HrIssueCode } from "./errors";
import { shown } from "./shown";

/** A date cell read: an ISO date, nothing (blank), or why it could not be read. */
export type DateResult = { ok: true; date?: string } | { ok: false; code: string; message: string; fix: string };

const blank = new Set(["", "0000-00-00", "n/a", "na", "-", "--", "null", "none"]);
// Personio adds a time and offset (`2024-01-15T00:00:00+01:00`), Workday an offset (`2024-03-01-08:00`):
// the calendar date is the part before them, taken as written, never converted to UTC.
const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}.*|[+-]\d{2}:?\d{2}|Z)?$/;
const numeric = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;
const textual = ["d MMM yyyy", "MMM d, yyyy", "d MMMM yyyy", "MMMM d, yyyy"];
const reference = new Date(2000, 0, 1);

/** Checks a date-fns format string once, before any row is read; returns why it is unusable, if it is. */
export function dateFormatProblem(format: string): string | undefined {
  try {
    parse("", format, reference);
    return /y/.test(format) && /M/.test(format) && /d/.test(format) ? undefined : "it needs a year, month and day";
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Returns a date reader for one export. ISO dates are always accepted; `format` (date-fns tokens such as
 * `dd.MM.yyyy` or `MM/dd/yyyy`) is parsed strictly; without it a day-month order is accepted only when the
 * value itself proves it (`25/12/2024`) or `order` says it (proved by the export's other dates,
 * `dayOrderProvedBy`), and `03/04/2024` is otherwise ambiguous. Results are cached: exports repeat dates.
 */
export function dateReader(format?: string, order?: DayOrder): (value: string) => DateResult {
  const cache = new Map<string, DateResult>();
  return (value) => {
    let result = cache.get(value);
    if (!result) {
      result = readDate(value, format, order);
      cache.set(value, result);
    }
    return result;
  };
}

/** Which comes first in a slashed or dashed numeric date. */
export type DayOrder = "day-first" | "month-first";

/**
 * The order a slashed or dashed numeric date proves on its own (`15/01/2024` day-first, `01/15/2024` month-first),
 * `either` for one that could be both (`03/04/2024`), nothing for any other value. An export's own dates settle the
 * ambiguous ones: a US export almost always has some `01/15/…` and a European one some `15/01/…`, and a system
 * writes all its dates one way. Cheap enough to run on every date cell of a 100k-row export.
 */
export function dayOrderProvedBy(value: string): DayOrder | "either" | undefined {
  // `1/2/2024` to `12/31/2024`, never ISO (`2024-…` has its separator at index 4).
  if (value.length < 8 || value.length > 10) return undefined;
  if (value[1] !== "/" && value[1] !== "-" && value[2] !== "/" && value[2] !== "-") return undefined;
  const n = numeric.exec(value);
  if (!n || n[2] === ".") return undefined;
  const [a, b] = [+n[1]!, +n[3]!];
  if (a > 12 && b <= 12) return "day-first";
  if (b > 12 && a <= 12) return "month-first";
  return a !== b && a <= 12 && b <= 12 ? "either" : undefined;
}

function readDate(value: string, format: string | undefined, order: DayOrder | undefined): DateResult {
  if (blank.has(value.toLowerCase())) return { ok: true };
  const m = iso.exec(value);
  if (m) return calendar(value, +m[1]!, +m[2]!, +m[3]!);
  if (format) {
    const date = strict(value, format);
    return date ? { ok: true, date } : invalid(value, `does not match the configured format ${format}`);
  }
  const n = numeric.exec(value);
  if (n) {
    const [a, sep, b, year] = [+n[1]!, n[2]!, +n[3]!, +n[4]!];
    // A dotted date is day-first in every locale that writes it; slashes are US or European.
    if (sep === "." || a > 12 || a === b) return calendar(value, year, b, a);
    if (b > 12 || order === "month-first") return calendar(value, year, a, b);
    if (order === "day-first") return calendar(value, year, b, a);
    return {
      ok: false,
      code: HrIssueCode.dateAmbiguous,
      message: `"${shown(value)}" is ambiguous: it could be day/month or month/day`,
      fix: "Set identity:hr dateFormat (or --date-format) to the export's format, e.g. MM/dd/yyyy or dd/MM/yyyy.",
    };
  }
  for (const f of textual) {
    const date = strict(value, f);
    if (date) return { ok: true, date };
  }
  return invalid(value, "is not a date");
}

function strict(value: string, format: string): string | undefined {
  const d = parse(value, format, reference);
  if (!isValid(d) || d.getFullYear() < 1900 || d.getFullYear() > 2199) return undefined;
  return iso8601(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

function calendar(value: string, year: number, month: number, day: number): DateResult {
  const d = new Date(Date.UTC(year, month - 1, day));
  const real = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return real && year >= 1900
    ? { ok: true, date: iso8601(year, month, day) }
    : invalid(value, "is not a calendar date");
}

function iso8601(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function invalid(value: string, why: string): DateResult {
  return {
    ok: false,
    code: HrIssueCode.dateInvalid,
    message: `"${shown(value)}" ${why}`,
    fix: "Write dates as yyyy-MM-dd, or set identity:hr dateFormat (or --date-format) to the export's format.",
  };
}
