import { presets, HrField, type PresetName } from "../hr";

/** Which canonical field each column of an export holds (undefined: a column idlc does not read). */
export interface ExportLayout {
  header: string[];
  fields: Array<HrField | undefined>;
}

/** Compared as provider/hr compares headers: without case, spaces or punctuation. */
const normal = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}#]/gu, "");

/**
 * The layout of the export the stack already has (its header, so the column order never moves), or, for a first
 * pull, every canonical field under its canonical name, which every preset reads.
 */
export function exportLayout(
  header: string[] | undefined,
  preset: PresetName,
  mapping: Record<string, string> = {},
): ExportLayout {
  if (!header || header.length === 0) return { header: [...HrField.options], fields: [...HrField.options] };
  const names = new Map<string, HrField>();
  for (const field of HrField.options) {
    const aliases = [mapping[field], field, ...(presets[preset].aliases[field] ?? [])].filter((a): a is string => !!a);
    for (const alias of aliases) if (!names.has(normal(alias))) names.set(normal(alias), field);
  }
  const taken = new Set<HrField>();
  const fields = header.map((column) => {
    const field = names.get(normal(column));
    if (!field || taken.has(field)) return undefined;
    taken.add(field);
    return field;
  });
  return { header, fields };
}
