import { format } from "date-fns/format";
import { parse } from "csv-parse/sync";
import { csvCell } from "../csv-cell";
import type { HrField } from "../hr";
import type { ExportLayout } from "./layout";
import type { PulledRecord } from "./record";

const dateFields = new Set<HrField>(["hireDate", "terminationDate", "endDate"]);

/** The committed export's header and rows (the header is row 0); empty when there is none yet. */
export function parseExport(text: string | undefined): string[][] {
  if (!text) return [];
  return parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
}

/**
 * The export as idlc writes it: the committed file's columns in their order, one row per person sorted by employee
 * id, RFC 4180 quoting only where a value needs it, `\n` line ends. Columns the vendor does not supply (roles,
 * a cost centre kept by hand) keep the committed file's value for that person, so a pull changes only what HR
 * changed and a Git diff is one line per changed person.
 * @param dateFormat the stack's `identity:hr.dateFormat` (date-fns), when the export is not ISO.
 */
export function renderExport(
  records: readonly PulledRecord[],
  layout: ExportLayout,
  previous: string[][],
  supplied: ReadonlySet<HrField>,
  dateFormat?: string,
): string {
  const idColumn = layout.fields.indexOf("employeeId");
  const before = new Map(previous.slice(1).map((row) => [row[idColumn] ?? "", row]));
  const rows = records.map((record) => {
    const id = record.values.employeeId ?? "";
    const old = before.get(id);
    return layout.fields.map((field, i) => {
      if (field === undefined || !supplied.has(field)) return old?.[i] ?? "";
      const value = record.values[field] ?? "";
      return dateFormat && dateFields.has(field) && value ? format(new Date(`${value}T00:00:00`), dateFormat) : value;
    });
  });
  rows.sort((a, b) => compare(a[idColumn] ?? "", b[idColumn] ?? ""));
  return [layout.header, ...rows].map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
}

/** Employee ids sort as people read them: `E2` before `E10`, then by code point, so the order never varies. */
function compare(a: string, b: string): number {
  const natural = a.localeCompare(b, "en", { numeric: true, sensitivity: "variant" });
  return natural !== 0 ? natural : a < b ? -1 : a > b ? 1 : 0;
}
