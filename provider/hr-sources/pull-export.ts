import type { Issue } from "../errors";
import {
  checkAnomalies,
  encodeExport,
  readHrExport,
  type AnomalyOptions,
  type HrField,
  type Person,
  type ReadHrExportOptions,
} from "../hr";
import { unreadableIssues } from "./completeness";
import { readCommittedExport } from "./export-file";
import { fetchRecords } from "./fetch-records";
import { exportLayout } from "./layout";
import type { Connection, PulledRecord } from "./record";
import { parseExport, renderExport } from "./render-export";
import type { HrVendor } from "./settings";
import { vendors } from "./vendors";

export interface PullExportOptions {
  vendor: HrVendor;
  connection: Connection;
  /** Absolute path of the stack's export. */
  file: string;
  /** How to read it (the stack's `identity:hr`); `file` there is the name used in messages. */
  read: ReadHrExportOptions;
  anomaly?: AnomalyOptions;
}

export interface PulledExport {
  /** The export as it would be written; undefined when the fetched data was incomplete. */
  text?: string;
  /** `text` in the stack's encoding (`identity:hr encoding`, else UTF-8); undefined when it cannot hold `text`. */
  bytes?: Buffer;
  /** The committed export, when there is one. */
  previousText?: string;
  /** Whether `text` differs from the committed export. */
  changed: boolean;
  people: Person[];
  previous: Person[];
  /** What the vendor returned, before rendering (change times, internal ids). */
  records: PulledRecord[];
  /** Blocking (`error`) issues mean: write nothing. */
  issues: Issue[];
}

/**
 * Fetches everyone from the HR system and renders the stack's export, then runs the same validation and anomaly
 * gate `idlc validate --previous` runs against the committed file. Writes nothing: `writeExport` does, and only
 * when no issue is an error.
 * @throws HrPullError when the fetch itself failed (401, retries exhausted, broken paging)
 */
export async function pullExport(options: PullExportOptions): Promise<PulledExport> {
  const source = vendors[options.vendor];
  const name = options.read.file;
  const committed = readCommittedExport(options.file, name, options.read.encoding);
  if (committed && committed.text === undefined)
    return { changed: false, people: [], previous: [], records: [], issues: committed.issues };
  const previousText = committed?.text;
  const records = await fetchRecords(source, options.connection);
  const previous = previousText === undefined ? [] : readHrExport({ ...options.read, text: previousText }).people;
  const incomplete = unreadableIssues(records, source.vendor, source.permissions, name);
  if (incomplete.length > 0) return { previousText, changed: false, people: [], previous, records, issues: incomplete };

  const rows = parseExport(previousText);
  const layout = exportLayout(rows[0], options.read.preset ?? "generic", options.read.mapping);
  if (!layout.fields.includes("employeeId")) {
    const issue: Issue = {
      severity: "error",
      code: "HR_PULL_LAYOUT",
      file: name,
      row: 1,
      message: "the committed export has no employee id column to match pulled people to",
      fix: "Add an employee id column to the export (or delete it and pull again to start from idlc's layout).",
    };
    return { previousText, changed: false, people: [], previous, records, issues: [issue] };
  }
  const supplied = new Set(Object.keys(source.permissions) as HrField[]);
  const text = renderExport(records, layout, rows, supplied, options.read.dateFormat);
  const { people, issues } = readHrExport({ ...options.read, text });
  const { bytes, issues: unwritable } = encodeExport(text, name, options.read.encoding);
  issues.push(...unwritable);
  if (previousText !== undefined) issues.push(...checkAnomalies(previous, people, options.anomaly));
  return { text, bytes, previousText, changed: text !== previousText, people, previous, records, issues };
}
