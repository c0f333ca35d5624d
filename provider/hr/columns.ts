import { closest } from "fastest-levenshtein";
import type { Issue } from "../errors";
import { HrIssueCode } from "./errors";
import { HrField, normalizeHeader, requiredFields } from "./fields";
import type { Preset } from "./presets";

/** Which column (0-based) holds each canonical field; absent fields are not in the export. */
export type ColumnMap = Partial<Record<HrField, number>>;

/**
 * Matches the header against the preset's aliases (best alias first, then each field's canonical name),
 * with an explicit `mapping` (field → header) taking precedence. Each header feeds at most one field.
 */
export function mapColumns(
  header: string[],
  preset: Preset,
  mapping: Record<string, string> | undefined,
  file: string,
): { columns: ColumnMap; issues: Issue[] } {
  const issues: Issue[] = [];
  const normalized = header.map(normalizeHeader);
  const claimed = new Set<number>();
  const columns: ColumnMap = {};
  const claim = (field: HrField, index: number) => {
    columns[field] = index;
    claimed.add(index);
    const twin = normalized.findIndex((n, i) => i !== index && !claimed.has(i) && n === normalized[index]);
    if (twin >= 0) {
      issues.push({
        severity: "warning",
        code: HrIssueCode.columnDuplicate,
        message: `header "${header[index]}" appears more than once; column ${index + 1} is used as ${field}`,
        fix: "Remove or rename the duplicate column in the export.",
        file,
        row: 1,
        column: header[twin],
      });
      claimed.add(twin);
    }
  };

  for (const [key, wanted] of Object.entries(mapping ?? {})) {
    const parsed = HrField.safeParse(key);
    if (!parsed.success) {
      issues.push({
        severity: "error",
        code: HrIssueCode.mappingUnknownField,
        message: `mapping names unknown field "${key}"`,
        fix: `Use one of the fields: did you mean "${closest(key, HrField.options)}"?`,
        file,
      });
      continue;
    }
    const index = normalized.indexOf(normalizeHeader(wanted));
    if (index >= 0) claim(parsed.data, index);
    else issues.push(missing(parsed.data, wanted, header, file, "mapping"));
  }

  for (const field of HrField.options) {
    if (columns[field] !== undefined || mapping?.[field] !== undefined) continue;
    for (const alias of [...(preset.aliases[field] ?? []), field].map(normalizeHeader)) {
      const index = normalized.findIndex((n, i) => n === alias && !claimed.has(i));
      if (index >= 0) {
        claim(field, index);
        break;
      }
    }
  }

  for (const field of requiredFields) {
    if (columns[field] === undefined && mapping?.[field] === undefined) {
      issues.push(missing(field, preset.aliases[field]?.[0] ?? field, header, file, "preset"));
    }
  }
  return { columns, issues };
}

function missing(field: HrField, wanted: string, header: string[], file: string, via: "mapping" | "preset"): Issue {
  const normalized = header.map(normalizeHeader);
  const suggestion = header.length > 0 ? header[normalized.indexOf(closest(normalizeHeader(wanted), normalized))] : undefined;
  const hint = suggestion ? ` (closest header: "${suggestion}")` : "";
  return {
    severity: "error",
    code: HrIssueCode.columnMissing,
    message: `missing ${via === "preset" ? "required " : ""}column "${wanted}" for ${field}${hint}`,
    fix:
      via === "mapping"
        ? `Fix identity:hr mapping.${field} to name a header that exists in the file.`
        : `Add the column, or map it with identity:hr mapping: { ${field}: "${suggestion ?? wanted}" }.`,
    file,
    row: 1,
    column: wanted,
  };
}
