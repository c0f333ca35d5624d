import type { Issue } from "../errors";
import { fieldsNeededBy } from "./app-fields";
import { checkPeople } from "./check-people";
import { mapColumns } from "./columns";
import { readCsv } from "./csv-read";
import { dateFormatProblem, dateReader } from "./dates";
import { decodeExport } from "./decode";
import { exportDayOrder } from "./day-order";
import { HrIssueCode } from "./errors";
import type { HrField } from "./fields";
import type { EmploymentType, HrStatus, Person } from "./person";
import { presets, type PresetName } from "./presets";
import { columnOf, toPerson } from "./to-person";
import { textProblem } from "./text-check";
import { employmentWords, normalizeKeys, statusWords } from "./vocabulary";

/** How to read an export; its text comes with the call (the shell reads files: provider/stack-files). */
export interface ReadHrExportOptions {
  /** The export's name in messages: a path, or `REF:path` for one read from git. */
  file: string;
  preset?: PresetName;
  /** Canonical field → header in this file; wins over the preset. */
  mapping?: Record<string, string>;
  /** date-fns format of non-ISO dates, e.g. `dd.MM.yyyy`. */
  dateFormat?: string;
  /** The company's own status words (`"notice period": active`), over the shared table and the preset's. */
  statusWords?: Record<string, HrStatus>;
  /** The company's own employment type words (`"freelance (de)": contractor`). */
  employmentWords?: Record<string, EmploymentType>;
  /** Work emails must be in one of these domains (exact match, case-insensitive). */
  allowedDomains?: string[];
  /**
   * Severity of a contractor without a contract end date. Default `warning`: most exports have such contractors,
   * and one of them must not stop everyone's provisioning; a company that requires end dates sets `error`.
   */
  contractorEndDate?: "error" | "warning";
  /**
   * The stack's apps (`identity:apps`, all of them when unset): a field one of them needs, such as the work
   * email, missing from the header is an error. Omitted, no app's needs are checked (readers that only look).
   */
  apps?: readonly string[];
  /** `identity:roles` emailDomain: people without a work email get a generated address, reported as a warning. */
  emailDomain?: string;
  /** The file's encoding when it is not UTF-8 (e.g. `windows-1250`, `cp850`; see `isEncodingLabel`); applies to `bytes` only. */
  encoding?: string;
}

/**
 * The export itself: its bytes as read from disk or git (preferred: the encoding is then judged exactly, see
 * `decodeExport`), or text someone already decoded as UTF-8 (an API response, a test), in which invalid bytes
 * have become U+FFFD.
 */
export type HrExportContent = { bytes: Uint8Array } | { text: string };

/**
 * Reads an HR export's text into people and every problem found, all at once. Never throws on bad content; a
 * caller treats any `error` issue as "apply nothing".
 */
export interface HrRead {
  /** Complete people; none when any issue is an error the caller must stop on. */
  people: Person[];
  issues: Issue[];
  /** The canonical fields the export's header provides; a rule deciding on a missing one is warned about. */
  fields: HrField[];
}

export function readHrExport(options: ReadHrExportOptions & HrExportContent): HrRead {
  const { file } = options;
  const preset = presets[options.preset ?? "generic"];
  const decoded =
    "bytes" in options ? decodeExport(options.bytes, file, options.encoding) : fromText(options.text, file);
  if (decoded.text === undefined) return { people: [], issues: decoded.issues, fields: [] };
  const table = readCsv(decoded.text, file);
  const issues: Issue[] = [...decoded.issues, ...table.issues];
  if (table.header.length === 0) {
    issues.push({
      severity: "error",
      code: HrIssueCode.empty,
      message: "the export has no header row",
      file,
      row: 1,
      fix: "Export the report again with its column headers.",
    });
    return { people: [], issues, fields: [] };
  }
  const formatProblem = options.dateFormat === undefined ? undefined : dateFormatProblem(options.dateFormat);
  if (formatProblem) {
    issues.push({
      severity: "error",
      code: HrIssueCode.dateFormatInvalid,
      file,
      message: `date format "${options.dateFormat}" is unusable: ${formatProblem}`,
      fix: "Use date-fns tokens, e.g. dd.MM.yyyy or MM/dd/yyyy.",
    });
    return { people: [], issues, fields: [] };
  }
  if (table.records.length === 0) {
    // An export with nobody in it is never real; applied, it would offboard the whole company.
    issues.push({
      severity: "error",
      code: HrIssueCode.empty,
      message: "the export has a header but no people",
      file,
      row: 2,
      fix: "Export the report again; check its filters.",
    });
  }
  const needed = options.apps && fieldsNeededBy(options.apps);
  const { columns, issues: columnIssues } = mapColumns(table.header, preset, options.mapping, file, {
    needed,
    emailDomain: options.emailDomain,
  });
  issues.push(...columnIssues);
  if (columnIssues.some((i) => i.severity === "error")) return { people: [], issues, fields: [] };

  const order = options.dateFormat === undefined ? exportDayOrder(table.records, columns, file, issues) : undefined;
  const ctx = {
    file,
    header: table.header,
    columns,
    readDate: dateReader(options.dateFormat, order),
    statusWords: { ...statusWords, ...preset.statusWords, ...normalizeKeys(options.statusWords) },
    employmentWords: { ...employmentWords, ...preset.employmentWords, ...normalizeKeys(options.employmentWords) },
    allowedDomains:
      options.allowedDomains && new Set(options.allowedDomains.map((d) => d.toLowerCase().replace(/^@/, ""))),
    contractorEndDate: options.contractorEndDate ?? "warning",
    emailDomain: needed?.has("workEmail") ? options.emailDomain : undefined,
  };
  const everyone: Person[] = [];
  const people: Person[] = [];
  for (const record of table.records) {
    const result = toPerson(record, ctx, issues);
    if (result.person) everyone.push(result.person);
    if (result.person && result.complete) people.push(result.person);
  }
  issues.push(...checkPeople(everyone, file, (field) => columnOf(ctx, field)));
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { people, issues, fields: Object.keys(columns) as HrField[] };
}

function fromText(text: string, file: string): { text?: string; issues: Issue[] } {
  const notText = textProblem(text, file);
  return notText ? { issues: [notText] } : { text, issues: [] };
}
