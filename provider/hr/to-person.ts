import { z } from "zod";
import type { Issue } from "../errors";
import type { ColumnMap } from "./columns";
import type { CsvRecord } from "./csv-read";
import type { DateResult } from "./dates";
import { HrIssueCode } from "./errors";
import { dateFields, type HrField } from "./fields";
import type { EmploymentType, HrStatus, Person } from "./person";
import { shown } from "./shown";
import { normalizeValue } from "./vocabulary";

/** Everything a row needs to become a person; built once per export. */
export interface RowContext {
  file: string;
  header: string[];
  columns: ColumnMap;
  readDate: (value: string) => DateResult;
  statusWords: Record<string, HrStatus>;
  employmentWords: Record<string, EmploymentType>;
  allowedDomains: Set<string> | undefined;
  contractorEndDate: "error" | "warning";
  /** Set when the stack's apps need a work email and generate missing ones in this domain. */
  emailDomain: string | undefined;
}

const emailPattern = z.regexes.email;
const optionalText = [
  "preferredName",
  "title",
  "department",
  "division",
  "location",
  "costCenter",
  "managerId",
] as const;

/**
 * Turns one record into a `Person` (manager still the raw reference) and appends the row's own problems to
 * `issues`. Checks that need other rows — duplicates, managers, cycles — happen afterwards in `checkPeople`.
 * An incomplete row's person carries placeholders (empty name, `active`) and must only be used for those
 * checks. Runs once per row of exports with 100k rows: no closures or throwaway arrays per call.
 */
export function toPerson(record: CsvRecord, ctx: RowContext, issues: Issue[]): { person?: Person; complete: boolean } {
  const { row, fields } = record;
  const report = (field: HrField, code: string, message: string, fix: string, severity: Issue["severity"] = "error") =>
    issues.push({ severity, code, message, fix, file: ctx.file, row, column: columnOf(ctx, field) });

  if (
    fields.length !== ctx.header.length &&
    (fields.length < ctx.header.length || fields.slice(ctx.header.length).some((f) => f !== ""))
  ) {
    issues.push({
      severity: "error",
      code: HrIssueCode.rowShape,
      message: `row has ${fields.length} values but the header has ${ctx.header.length} columns`,
      fix: 'Quote any value that contains the delimiter (e.g. "Doe, Jane") and re-export.',
      file: ctx.file,
      row,
    });
  }
  for (const field of ["employeeId", "firstName", "lastName", "status"] as const) {
    if (get(ctx, fields, field) === undefined) {
      report(field, HrIssueCode.valueRequired, `${field} is empty`, `Fill in ${columnOf(ctx, field)} for this row.`);
    }
  }
  const employeeId = get(ctx, fields, "employeeId");
  const firstName = get(ctx, fields, "firstName") ?? "";
  const lastName = get(ctx, fields, "lastName") ?? "";
  const rawStatus = get(ctx, fields, "status");
  const status = rawStatus === undefined ? undefined : ctx.statusWords[normalizeValue(rawStatus)];
  if (rawStatus !== undefined && !status) {
    report(
      "status",
      HrIssueCode.statusUnknown,
      `unknown status "${shown(rawStatus)}"`,
      `Use a status the preset knows (active, on leave, terminated, onboarding…), fix the preset choice, or say what ` +
        `it means with identity:hr statusWords: { "${shown(rawStatus)}": active | leave | terminated | pre-hire }.`,
    );
  }
  const rawType = get(ctx, fields, "employmentType");
  const knownType = rawType === undefined ? "employee" : ctx.employmentWords[normalizeValue(rawType)];
  // A leaver's type decides nothing, and some vendors write "Terminated" there (BambooHR's employment status).
  if (!knownType && status !== "terminated") {
    report(
      "employmentType",
      HrIssueCode.employmentTypeUnknown,
      `unknown employment type "${shown(rawType!)}", treated as other`,
      `Use employee, contractor or intern (or a vendor word for them), or say what it means with identity:hr ` +
        `employmentWords: { "${shown(rawType!)}": employee | contractor | intern | other }.`,
      "warning",
    );
  }
  const employmentType = knownType ?? "other";

  const dates: Partial<Record<(typeof dateFields)[number], string>> = {};
  for (const field of dateFields) {
    const value = get(ctx, fields, field);
    if (value === undefined) continue;
    const read = ctx.readDate(value);
    if (!read.ok) report(field, read.code, `${field} ${read.message}`, read.fix);
    else if (read.date) dates[field] = read.date;
  }
  if (dates.hireDate && dates.terminationDate && dates.terminationDate < dates.hireDate) {
    if (status === "terminated") {
      report(
        "terminationDate",
        HrIssueCode.terminationBeforeHire,
        `termination date ${dates.terminationDate} is before hire date ${dates.hireDate}`,
        "Correct either date in the HR system; a rehire needs a new hire date after the termination.",
      );
    } else {
      // A rehire: vendors keep the earlier employment's termination date on the row. Read, it would disable
      // someone who works here, so it is dropped, and said.
      report(
        "terminationDate",
        HrIssueCode.terminationBeforeHire,
        `termination date ${dates.terminationDate} is before hire date ${dates.hireDate} and the status is ` +
          `${status ?? "unknown"}: read as a rehire, the old termination date is ignored`,
        "Clear the previous employment's termination date in the HR system, if the export should not carry it.",
        "warning",
      );
      delete dates.terminationDate;
    }
  }
  if (status === "terminated" && !dates.terminationDate) {
    report(
      "terminationDate",
      HrIssueCode.terminationDateMissing,
      `${shown(employeeId ?? "this person")} is terminated without a termination date: ` +
        "accounts are disabled but never deleted",
      "Record the termination date in the HR system so retention can run out.",
      "warning",
    );
  }
  if (employmentType === "contractor" && !dates.endDate && !dates.terminationDate && status !== "terminated") {
    report(
      "endDate",
      HrIssueCode.contractorEndDate,
      `contractor ${who(employeeId, firstName, lastName)} has no contract end date: they keep the accounts and ` +
        "roles this export gives them, with no end, until HR records a contract end or termination date",
      "Record the contract end date in the HR system so access ends with the contract " +
        "(identity:hr contractorEndDate: error makes a missing one block).",
      ctx.contractorEndDate,
    );
  }

  const workEmail = get(ctx, fields, "workEmail")?.toLowerCase();
  if (workEmail === undefined && ctx.emailDomain !== undefined && ctx.columns.workEmail !== undefined) {
    report(
      "workEmail",
      HrIssueCode.emailGenerated,
      `${who(employeeId, firstName, lastName)} has no work email: an address will be generated from their ` +
        `name, first.last@${ctx.emailDomain}`,
      "Fill in the work email in the HR system if the person already has one.",
      "warning",
    );
  }
  if (workEmail !== undefined && !emailPattern.test(workEmail)) {
    report(
      "workEmail",
      HrIssueCode.emailInvalid,
      `invalid email "${shown(workEmail)}"`,
      "Correct the work email in the HR system.",
    );
  } else if (
    workEmail !== undefined &&
    ctx.allowedDomains &&
    !ctx.allowedDomains.has(workEmail.slice(workEmail.lastIndexOf("@") + 1))
  ) {
    report(
      "workEmail",
      HrIssueCode.emailDomain,
      `email "${shown(workEmail)}" is outside the allowed domains (${[...ctx.allowedDomains].join(", ")})`,
      "Use a company address, or add the domain to identity:hr allowedDomains.",
    );
  }

  // Every row with an id takes part in the cross-row checks, so one bad cell never hides a duplicate.
  if (employeeId === undefined) return { complete: false };
  const person: Person = {
    employeeId,
    firstName,
    lastName,
    displayName: `${get(ctx, fields, "preferredName") ?? firstName} ${lastName}`,
    employmentType,
    status: status ?? "active",
    ...dates,
    roles: splitRoles(get(ctx, fields, "roles")),
    source: { file: ctx.file, row },
  };
  if (workEmail !== undefined) person.workEmail = workEmail;
  const personalEmail = get(ctx, fields, "personalEmail");
  if (personalEmail !== undefined) person.personalEmail = personalEmail.toLowerCase();
  for (const field of optionalText) {
    const value = get(ctx, fields, field);
    if (value !== undefined) person[field] = value;
  }
  return { person, complete: firstName !== "" && lastName !== "" && status !== undefined };
}

/** `E3 (Grace Hopper)`, as far as the row tells; values shown safely. */
function who(employeeId: string | undefined, firstName: string, lastName: string): string {
  const name = `${firstName} ${lastName}`.trim();
  return `${shown(employeeId ?? "this person")}${name ? ` (${shown(name)})` : ""}`;
}

// What exports write in an empty cell ("N/A" for a pre-hire's email, "-" for no manager). Never applied to the id,
// names or status: `Null` and `Na` are real surnames, and an id or status must be written out.
const placeholders = new Set(["n/a", "#n/a", "-", "--", "null", "none"]);
const literal = new Set<HrField>(["employeeId", "firstName", "lastName", "status"]);

// Text pasted into an HR system brings invisible characters along (a zero-width space before a surname, a direction
// mark after an id, a soft hyphen) and spreadsheet cells hold line breaks (Alt+Enter). At a value's edges such a
// character is never meant, and would make `E1` and `\u200bE1` two people; inside a value a line break is a space,
// since a name or title is one line in every app. Inside a value the others stay: ZWJ and ZWNJ spell some scripts.
const invisible = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff";
const needsCleaning = new RegExp(`[\\r\\n\\u0085\\u2028\\u2029${invisible}]`);
const edges = new RegExp(`^[\\s${invisible}]+|[\\s${invisible}]+$`, "g");
const lineBreaks = /\s*[\r\n\u0085\u2028\u2029]+\s*/g;

/** A cell's text as the person meant it; a roles cell keeps its line breaks, which separate roles (`splitRoles`). */
function cleaned(value: string, field: HrField): string {
  if (!needsCleaning.test(value)) return value;
  const trimmed = value.replace(edges, "");
  return field === "roles" ? trimmed : trimmed.replace(lineBreaks, " ");
}

function get(ctx: RowContext, fields: string[], field: HrField): string | undefined {
  const index = ctx.columns[field];
  const raw = index === undefined ? undefined : fields[index];
  const value = raw === undefined ? undefined : cleaned(raw, field);
  if (
    value === "" ||
    (value !== undefined && value.length <= 4 && !literal.has(field) && placeholders.has(value.toLowerCase()))
  )
    return undefined;
  return value;
}

/** The header as the file spells it, so a person can find the cell; the field name if the column is absent. */
export function columnOf(ctx: Pick<RowContext, "columns" | "header">, field: HrField): string {
  const index = ctx.columns[field];
  return index === undefined ? field : shown(ctx.header[index] ?? field);
}

const roleSeparators = /[;,\r\n\u0085\u2028\u2029]/;

function splitRoles(value: string | undefined): string[] {
  if (value === undefined) return [];
  if (!roleSeparators.test(value)) return [value];
  return [
    ...new Set(
      value
        .split(roleSeparators)
        .map((r) => r.trim())
        .filter((r) => r !== ""),
    ),
  ];
}
