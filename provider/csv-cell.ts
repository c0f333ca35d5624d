/**
 * One CSV cell as RFC 4180 writes it: quoted (with `"` doubled) only when it must be — a comma, a quote or a line
 * break inside, or a space at either end (which a reader that trims, like csv-parse with `trim`, would drop) — so
 * a file idlc writes stays readable by hand and a Git diff stays one line per changed row.
 */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
