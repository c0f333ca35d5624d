import { distance } from "fastest-levenshtein";
import type { Issue } from "../errors";
import { HrIssueCode } from "./errors";
import { HrField, normalizeHeader } from "./fields";
import type { Preset } from "./presets";
import { shown } from "./shown";

/** How many ignored headers one warning names before it only counts the rest. */
const listedIgnored = 12;

/** Every header spelling that maps to `field`: the preset's aliases, then the canonical name. */
export function namesFor(field: HrField, preset: Preset): string[] {
  return [...(preset.aliases[field] ?? []), field];
}

/**
 * The header (among `indices`) that is plausibly a misspelling of one of `names`, compared in `normalizeHeader`
 * form: one typo in a name of 4 to 7 characters (`emial` → `email`, but not `notes` → `roles`), or a quarter of
 * its length in edits beyond that. The closest wins; a tie goes to the leftmost column.
 */
export function nearestHeader(
  header: readonly string[],
  indices: readonly number[],
  names: readonly string[],
): number | undefined {
  let best: { index: number; d: number } | undefined;
  for (const name of names.map(normalizeHeader)) {
    const limit = name.length < 4 ? 0 : name.length < 8 ? 1 : Math.floor(name.length / 4);
    for (const index of indices) {
      const d = typos(normalizeHeader(header[index]!), name);
      if (d <= limit && (!best || d < best.d)) best = { index, d };
    }
  }
  return best?.index;
}

/** Edit distance counting a swap of two letters as one typo, as a person makes it (Levenshtein counts two). */
function typos(a: string, b: string): number {
  const d = distance(a, b);
  return d === 2 && a.length === b.length && [...a].sort().join("") === [...b].sort().join("") ? 1 : d;
}

/**
 * Warnings for the headers nothing reads: one per header that looks like a misspelt field the export lacks
 * ("did you mean"), then one listing the rest — HR systems add columns idlc has no use for, and that is fine,
 * but a person must be able to see that a column they meant for idlc was not read.
 */
export function unknownHeaderIssues(
  header: readonly string[],
  unused: readonly number[],
  preset: Preset,
  absent: (field: HrField) => boolean,
  file: string,
): Issue[] {
  const issues: Issue[] = [];
  const ignored: string[] = [];
  const lacking = HrField.options.filter(absent);
  for (const index of unused) {
    if (header[index] === "") continue;
    const field = lacking.find((f) => nearestHeader(header, [index], namesFor(f, preset)) !== undefined);
    if (field === undefined) {
      ignored.push(`"${shown(header[index]!)}"`);
      continue;
    }
    const spelled = namesFor(field, preset)[0]!;
    const name = shown(header[index]!);
    issues.push({
      severity: "warning",
      code: HrIssueCode.columnUnknown,
      file,
      row: 1,
      column: name,
      message: `header "${name}" is not a column idlc knows: did you mean "${spelled}" (${field})?`,
      fix: `Rename the header to "${spelled}", or map it with identity:hr mapping: { ${field}: "${name}" }.`,
    });
  }
  if (ignored.length > 0) {
    const more = ignored.length > listedIgnored ? ` and ${ignored.length - listedIgnored} more` : "";
    const listed = `${ignored.slice(0, listedIgnored).join(", ")}${more}`;
    issues.push({
      severity: "warning",
      code: HrIssueCode.columnsIgnored,
      file,
      row: 1,
      message: `${ignored.length} column${ignored.length === 1 ? " is" : "s are"} not read: ${listed}`,
      fix: 'Nothing to do if they are not meant for idlc; otherwise map them with identity:hr mapping: { field: "header" }.',
    });
  }
  return issues;
}
