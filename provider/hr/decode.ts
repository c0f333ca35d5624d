import iconv from "iconv-lite";
import type { Issue } from "../errors";
import { HrIssueCode } from "./errors";
import { shown } from "./shown";
import { textProblem } from "./text-check";

/** What Excel's "CSV (Comma delimited)" writes on a Western-European Windows: the one legacy encoding read unasked. */
const guessedLegacy = "windows-1252";
/** Lines quoted in the warning about a guessed encoding: enough for a reviewer to see whether names read right. */
const quotedLines = 3;

/** True when `label` names an encoding iconv-lite decodes (`windows-1250`, `iso-8859-2`, `macintosh`, `cp850`…). */
export function isEncodingLabel(label: string): boolean {
  return iconv.encodingExists(label);
}

/**
 * Turns an export's bytes into text. UTF-8 is decoded strictly, so a U+FFFD the file really holds is a character
 * like any other. A file that is not UTF-8 is, in order: refused when it looks like a workbook, PDF, UTF-16 or
 * binary; decoded with `encoding` when the stack names one; otherwise read as Windows-1252, the encoding Excel's
 * plain "CSV" uses on Western-European Windows, with a warning that quotes the lines whose letters that choice
 * decided, so a reviewer sees whether names read right. A file is never refused only for its encoding.
 * @returns the text, or no text and the one error that stops the read.
 */
export function decodeExport(bytes: Uint8Array, file: string, encoding?: string): { text?: string; issues: Issue[] } {
  const declared = legacyEncoding(encoding);
  const utf8 = declared === undefined ? strictUtf8(bytes) : undefined;
  // iconv-lite, not TextDecoder: Node 20's TextDecoder reads "windows-1252" as Latin-1 (€, Š, ’ become controls).
  const text = utf8 ?? iconv.decode(Buffer.from(bytes), declared ?? guessedLegacy);
  // Workbooks, PDFs, UTF-16 and binary files are told by what their bytes look like as UTF-8, whatever was declared.
  const looks = textProblem(utf8 ?? Buffer.from(bytes).toString("utf8"), file, { kindOnly: true });
  if (looks) return { issues: [looks] };
  if (utf8 !== undefined || declared !== undefined) return { text, issues: [] };
  return { text, issues: [guessedWarning(text, file)] };
}

/**
 * Turns an export's text into the bytes its stack reads: UTF-8, or the encoding the stack names (`identity:hr
 * encoding`), so a file idlc writes (`idlc hr pull`) reads back as the same text. A character the named encoding
 * cannot hold would be written as "?" and change a name unseen, so it is an error naming the line instead.
 */
export function encodeExport(text: string, file: string, encoding?: string): { bytes?: Buffer; issues: Issue[] } {
  const declared = legacyEncoding(encoding);
  if (declared === undefined) return { bytes: Buffer.from(text, "utf8"), issues: [] };
  const bytes = iconv.encode(text, declared);
  const lines = text.split(/\r?\n/);
  const back = iconv.decode(bytes, declared).split(/\r?\n/);
  const lost = lines.findIndex((line, i) => line !== back[i]);
  if (lost < 0) return { bytes, issues: [] };
  const issue: Issue = {
    severity: "error",
    code: HrIssueCode.encodingCannotHold,
    file,
    row: lost + 1,
    message: `"${shown(lines[lost]!, 80)}" has letters ${declared} cannot hold`,
    fix: `Remove identity:hr encoding (idlc then writes and reads the export as UTF-8), or fix the name in the HR system.`,
  };
  return { issues: [issue] };
}

/** The encoding a stack names when it is not UTF-8; undefined for UTF-8 or none. */
function legacyEncoding(encoding: string | undefined): string | undefined {
  return encoding === undefined || /^utf-?8$/i.test(encoding) ? undefined : encoding;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function guessedWarning(text: string, file: string): Issue {
  const lines = text.split(/\r?\n/);
  const decided = lines.flatMap((line, i) => (/[^\u0000-\u007f]/.test(line) ? [i + 1] : []));
  const quoted = decided
    .slice(0, quotedLines)
    .map((n) => `line ${n}: "${shown(lines[n - 1]!, 80)}"`)
    .join("; ");
  const more = decided.length > quotedLines ? ` and ${decided.length - quotedLines} more` : "";
  return {
    severity: "warning",
    code: HrIssueCode.encodingGuessed,
    file,
    row: decided[0],
    message: `the file is not UTF-8; read as Windows-1252 (Excel's "CSV (Comma delimited)"): ${quoted}${more}`,
    fix:
      "If those names read wrong, set identity:hr encoding to the file's encoding (e.g. windows-1250, iso-8859-2, " +
      'macintosh), or export as "CSV UTF-8".',
  };
}
