/**
 * CSV for spreadsheets (RFC 4180) that cannot run: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would be read as a formula by Excel, LibreOffice and Google Sheets (CSV injection), so it is prefixed
 * with `'`, which those programs show as text. Quoting itself is the shared `csvCell`.
 */
import { csvCell } from "../../csv-cell";

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A header line and one line per row, CRLF-terminated as RFC 4180 says. */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | undefined>>,
): string {
  const line = (cells: ReadonlyArray<string | number | boolean | undefined>) =>
    cells.map((c) => csvCell(neutraliseCell(c === undefined ? "" : String(c)))).join(",");
  return [header, ...rows].map(line).join("\r\n") + "\r\n";
}
