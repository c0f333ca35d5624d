/**
 * The stack's export on disk, as `idlc hr pull` reads and writes it: decoded and encoded exactly as every other
 * reader of the export decodes it (provider/hr `decodeExport`), so a Windows-1252 export read by `idlc validate`
 * and by a pull shows the same names, and a file the pull writes reads back as the text it rendered.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Issue } from "../errors";
import { decodeExport } from "../hr";

/** The committed export's text; undefined when there is none, no text and its error when it is not a CSV at all. */
export function readCommittedExport(
  file: string,
  name: string,
  encoding?: string,
): { text?: string; issues: Issue[] } | undefined {
  if (!existsSync(file)) return undefined;
  const { text, issues } = decodeExport(readFileSync(file), name, encoding);
  // A guessed encoding is the validator's warning to give; here only what stops the pull counts.
  return { text, issues: issues.filter((i) => i.severity === "error") };
}

/** Write then rename, so a reader (or a crash) never sees half an export. */
export function writeExport(file: string, bytes: Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}
