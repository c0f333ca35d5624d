import { closest } from "fastest-levenshtein";
import type { Issue } from "../errors";
import { HrIssueCode } from "./errors";
import { HrField, normalizeHeader, requiredFields } from "./fields";
import { namesFor, nearestHeader, unknownHeaderIssues } from "./header-hints";
import type { Preset } from "./presets";
import { shown } from "./shown";

/** Which column (0-based) holds each canonical field; absent fields are not in the export. */
export type ColumnMap = Partial<Record<HrField, number>>;

export interface ColumnNeeds {
  /** Field → the apps of the stack that need it (see `fieldsNeededBy`); absent from the export, it is an error. */
  needed?: ReadonlyMap<HrField, readonly string[]>;
  /** `identity:roles` emailDomain: with it, a missing work email column is generated, and said so. */
  emailDomain?: string;
}

/**
 * Matches the header against the preset's aliases (best alias first, then each field's canonical name),
 * with an explicit `mapping` (field → header) taking precedence. Each header feeds at most one field.
 * Then reports what the header lacks — required fields and fields the stack's apps need, as errors with the
 * closest unused header — and what it has that nothing reads, as warnings.
 */
export function mapColumns(
  header: string[],
  preset: Preset,
  mapping: Record<string, string> | undefined,
  file: string,
  needs: ColumnNeeds = {},
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
        message: `header "${shown(header[index]!)}" appears more than once; column ${index + 1} is used as ${field}`,
        fix: "Remove or rename the duplicate column in the export.",
        file,
        row: 1,
        column: shown(header[twin]!),
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
        message: `mapping names unknown field "${shown(key)}"`,
        fix: `Use one of the fields: did you mean "${closest(key, HrField.options)}"?`,
        file,
      });
      continue;
    }
    const index = normalized.indexOf(normalizeHeader(wanted));
    if (index >= 0) claim(parsed.data, index);
    else issues.push(missing(parsed.data, [wanted], header, [...header.keys()], file, "mapping").issue);
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

  const unused = [...header.keys()].filter((i) => !claimed.has(i));
  const cited = new Set<number>();
  const absent = (field: HrField) => columns[field] === undefined && mapping?.[field] === undefined;
  for (const field of requiredFields) {
    if (!absent(field)) continue;
    const issue = missing(field, namesFor(field, preset), header, unused, file, "preset");
    issues.push(issue.issue);
    if (issue.near !== undefined) cited.add(issue.near);
  }
  for (const [field, apps] of needs.needed ?? []) {
    if (!absent(field)) continue;
    const near = nearestHeader(header, unused, namesFor(field, preset));
    if (field === "workEmail" && needs.emailDomain && near === undefined) {
      issues.push({
        severity: "warning",
        code: HrIssueCode.emailGenerated,
        file,
        row: 1,
        column: "workEmail",
        message:
          "the export has no work email column: every address will be generated as " +
          `first.last@${needs.emailDomain}`,
        fix: "Add the work email column to the export if people already have addresses; generated ones may not match.",
      });
      continue;
    }
    const issue = missing(field, namesFor(field, preset), header, unused, file, "preset", apps);
    issues.push(issue.issue);
    if (issue.near !== undefined) cited.add(issue.near);
  }
  issues.push(
    ...unknownHeaderIssues(
      header,
      unused.filter((i) => !cited.has(i)),
      preset,
      absent,
      file,
    ),
  );
  return { columns, issues };
}

/** The error for an absent column, naming the closest unused header when one is plausibly a misspelling of it. */
function missing(
  field: HrField,
  names: string[],
  header: string[],
  unused: number[],
  file: string,
  via: "mapping" | "preset",
  apps?: readonly string[],
): { issue: Issue; near?: number } {
  const wanted = names[0]!;
  const near = nearestHeader(header, unused, names);
  const suggestion = near === undefined ? undefined : header[near]!;
  const hint = suggestion === undefined ? "" : ` (did you mean "${shown(suggestion)}"?)`;
  const why = apps ? `, which ${apps.join(", ")} need${apps.length === 1 ? "s" : ""}` : "";
  const issue: Issue = {
    severity: "error",
    code: HrIssueCode.columnMissing,
    message: `missing ${via === "preset" ? "required " : ""}column "${wanted}" for ${field}${why}${hint}`,
    fix:
      via === "mapping"
        ? `Fix identity:hr mapping.${field} to name a header that exists in the file.`
        : `Add the column, or map it with identity:hr mapping: { ${field}: "${shown(suggestion ?? wanted)}" }.`,
    file,
    row: 1,
    column: wanted,
  };
  return { issue, near };
}
