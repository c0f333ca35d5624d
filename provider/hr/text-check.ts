import type { Issue } from "../errors";
import { HrIssueCode } from "./errors";

/** How much of the start of a file is judged for a binary signature and UTF-16's every-other-byte zeros. */
const sniffLength = 4096;
// C0 controls other than tab, line feed and carriage return: a stray one (a vertical tab pasted into a cell, a
// DOS end-of-file mark) happens in real exports and is only escaped when shown; many of them mean binary.
const binaryControl = /[\u0001-\u0008\u000b\u000c\u000e-\u001f]/g;

/**
 * Judges the decoded text of an export before it is parsed: a workbook, a UTF-16 file, a binary file, or a
 * file in a legacy encoding (Windows-1252, Latin-1), read as UTF-8, would otherwise be parsed into garbage
 * columns. The text is decoded as UTF-8 by whoever read it, so invalid bytes arrive as U+FFFD and zeros as
 * NUL. Returns the one error that stops the read, or nothing; the message names what the file looks like and
 * the line, never its bytes.
 * @param options.kindOnly judge only what the file looks like (workbook, PDF, UTF-16, binary), not whether it is
 * UTF-8: `decodeExport` knows that from the bytes and reads a legacy encoding instead of refusing it.
 */
export function textProblem(text: string, file: string, options: { kindOnly?: boolean } = {}): Issue | undefined {
  const head = text.slice(0, sniffLength);
  const looks = kindOf(head) ?? (text.includes("\u0000") ? "looks binary (it contains NUL bytes)" : undefined);
  if (!looks && options.kindOnly) return undefined;
  const bad = looks ? text.search(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/) : text.indexOf("\ufffd");
  if (!looks && bad < 0) return undefined;
  const line = lineOf(text, Math.max(bad, 0));
  return {
    severity: "error",
    code: HrIssueCode.notText,
    message: `not a text CSV: ${looks ?? legacy}, from line ${line}`,
    fix: 'Export as CSV, UTF-8 from the HR system (in Excel: Save As → "CSV UTF-8 (Comma delimited)").',
    file,
    row: line,
  };
}

const legacy = "not UTF-8 (a legacy encoding such as Windows-1252 or Latin-1?)";

function kindOf(head: string): string | undefined {
  if (head.startsWith("PK\u0003\u0004")) return "looks like a zip file or an Excel workbook (.xlsx)";
  if (/^\ufffd\ufffd\u0011/.test(head)) return "looks like an old Excel workbook (.xls)";
  if (head.startsWith("%PDF-")) return "looks like a PDF";
  if (isUtf16(head)) return 'looks like UTF-16 (Excel\'s "Unicode Text")';
  if ((head.match(binaryControl)?.length ?? 0) > Math.max(2, head.length / 100)) return "looks binary";
  return undefined;
}

/** UTF-16 text read as UTF-8: a byte-order mark turned into two U+FFFD, or a zero beside most ASCII characters. */
function isUtf16(head: string): boolean {
  if (/^\ufffd\ufffd[^\u0000]?\u0000/.test(head)) return true;
  let zeros = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0) zeros++;
  return head.length >= 8 && zeros >= head.length / 3;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
