import { parse } from "csv-parse/sync";
import type { Issue } from "../errors";
import { HrIssueCode } from "./errors";
import { shown } from "./shown";

/** One data record: its spreadsheet row (header = row 1) and trimmed fields. */
export interface CsvRecord {
  row: number;
  fields: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  delimiter: string;
  issues: Issue[];
}

const candidates = [",", ";", "\t"] as const;

/**
 * Parses an HR export: strips a BOM and a trailing Ctrl-Z, picks the delimiter from the header line, keeps quoted
 * newlines inside
 * their cell, trims every value. Blank lines are skipped but still counted, so `row` is what a spreadsheet
 * shows. Malformed quoting becomes an issue, never an exception.
 */
export function readCsv(text: string, file: string): CsvTable {
  // A DOS end-of-file mark (Ctrl-Z) still ends some exports written by older tools.
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\u001a\s*$/, "");
  const delimiter = detectDelimiter(body);
  const issues: Issue[] = [];
  // Records skipped for an error, as "how many records came before it": the spreadsheet row of a later
  // record counts them. (csv-parse's `info` option gives rows directly, but allocates an object per record.)
  const skippedAfter: number[] = [];
  let parsed: string[][] = [];
  try {
    parsed = parse(body, {
      delimiter,
      trim: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (!err) return undefined;
        const before = Number(err.records ?? 0);
        skippedAfter.push(before);
        issues.push(malformed(file, before + skippedAfter.length, err.message));
        return undefined;
      },
    });
  } catch (err) {
    const records = (err as { records?: number }).records ?? 0;
    issues.push(malformed(file, records + 1, err instanceof Error ? err.message : String(err)));
  }
  let header: string[] = [];
  const records: CsvRecord[] = [];
  let skipped = 0;
  for (let i = 0; i < parsed.length; i++) {
    while (skipped < skippedAfter.length && skippedAfter[skipped]! <= i) skipped++;
    const fields = parsed[i]!;
    if (!fields.some((field) => field !== "")) continue;
    for (let f = 0; f < fields.length; f++) fields[f] = fields[f]!.trim();
    if (header.length === 0) header = fields;
    else records.push({ row: i + 1 + skipped, fields });
  }
  return { header, records, delimiter, issues };
}

/** The candidate that occurs most often, outside quotes, on the first non-blank line; `,` on a tie. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(candidates.map((c) => [c, 0]));
  let quoted = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (seenContent) break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    if (ch.trim() !== "") seenContent = true;
  }
  let best = ",";
  for (const c of candidates) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

function malformed(file: string, row: number, detail: string): Issue {
  return {
    severity: "error",
    code: HrIssueCode.csvMalformed,
    // csv-parse quotes the offending cell in its message: shown like any other value from the file.
    message: `malformed CSV: ${shown(detail, 240)}; this row and the rows after it could not be read`,
    fix: "Re-export the file from the HR system, or quote the cell (double any quote inside it).",
    file,
    row,
  };
}
