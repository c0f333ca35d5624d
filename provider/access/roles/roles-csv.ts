import type { Issue } from "../../errors";
import { AccessCode, AccessFileError, accessIssue } from "../errors";
import { normalizeRole, type RoleSources } from "./role-model";
import { RoleInput } from "./role-schema";
import { zodIssues } from "./yaml-source";

/** CSV headers, compared without case, spaces, '_' or '-': `conflicts_with` and `Conflicts With` both work. */
const Columns = [
  "id",
  "description",
  "owner",
  "app",
  "instance",
  "account",
  "groups",
  "admin",
  "license",
  "inherits",
  "conflictsWith",
  "requiresApproval",
  "privileged",
] as const;
type Column = (typeof Columns)[number];
const RoleLevel = ["description", "owner", "inherits", "conflictsWith", "requiresApproval", "privileged"] as const;

const key = (header: string) => header.toLowerCase().replace(/[\s_-]/g, "");
const list = (cell: string) =>
  cell
    .split(/[;|]/)
    .map((v) => v.trim())
    .filter(Boolean);
const truthy = new Set(["true", "yes", "y", "1", "x"]);
const falsy = new Set(["false", "no", "n", "0", ""]);

/**
 * Reads roles from CSV, the shape HR/IT tools export: one row per role and app (`app` empty for a row that only
 * sets role-level columns). Rows of one role merge; a role-level column given twice with different values is an
 * error. Lists (`groups`, `inherits`, `conflictsWith`) are separated by `;` or `|`.
 * @throws AccessFileError when the text is not CSV or lacks the `id` column.
 */
export function parseRolesCsv(text: string, file: string): RoleSources {
  const { parse } = require("csv-parse/sync") as typeof import("csv-parse/sync");
  let records: Array<{ record: string[]; info: { records: number; empty_lines: number } }>;
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (cause) {
    throw new AccessFileError(
      `${file} is not valid CSV: ${(cause as Error).message}`,
      "fix the quoting or column count at that row",
      { file },
      cause,
    );
  }
  const [header, ...rows] = records;
  const byKey = new Map(Columns.map((c) => [key(c), c]));
  const columns = (header?.record ?? []).map((h) => byKey.get(key(h)));
  if (!columns.includes("id")) {
    throw new AccessFileError(
      `${file} has no \`id\` column`,
      `start the file with a header row naming these columns: ${Columns.join(",")}`,
      { file, row: 1 },
    );
  }
  const issues: Issue[] = [];
  header!.record.forEach((h, i) => {
    if (!columns[i])
      issues.push(
        accessIssue(
          "warning",
          AccessCode.roleInvalid,
          `unknown column '${h}' is ignored`,
          `use only ${Columns.join(", ")}`,
          { file, row: 1, column: h },
        ),
      );
  });
  const merged = new Map<string, MergedRole>();
  for (const { record, info } of rows) {
    const row = info.records + info.empty_lines;
    const cells: Cells = {};
    columns.forEach((c, i) => c && (cells[c] = record[i] ?? ""));
    const id = cells.id ?? "";
    const role = merged.get(id) ?? { row, fields: { id }, entitlements: [] };
    merged.set(id, role);
    for (const c of RoleLevel) {
      const value = cells[c] ?? "";
      if (value === "") continue;
      if (role.fields[c] !== undefined && role.fields[c] !== value) {
        issues.push(
          accessIssue(
            "error",
            AccessCode.roleInvalid,
            `role '${id}' sets ${c} to '${value}' here but '${role.fields[c]}' on row ${role.row}`,
            "give role-level columns once, or the same value on every row of the role",
            { file, row, column: c },
          ),
        );
      } else role.fields[c] = value;
    }
    if (cells.app) role.entitlements.push({ app: cells.app, row, cells });
  }
  const roles = [...merged.values()].flatMap((role) => {
    const parsed = RoleInput.safeParse(toInput(role, file, issues));
    if (!parsed.success) {
      issues.push(
        ...zodIssues(parsed.error, AccessCode.roleInvalid, `role '${role.fields.id}'`, () => ({ file, row: role.row })),
      );
      return [];
    }
    return [normalizeRole(parsed.data, { file, row: role.row }, issues)];
  });
  return { roles, rules: [], grants: [], issues };
}

type Cells = Partial<Record<Column, string>>;
interface MergedRole {
  row: number;
  fields: Cells;
  entitlements: Array<{ app: string; row: number; cells: Cells }>;
}

function toInput({ row: roleRow, fields, entitlements: rows }: MergedRole, file: string, issues: Issue[]) {
  const bool = (value: string | undefined, row: number, column: Column) => {
    const v = (value ?? "").toLowerCase();
    if (truthy.has(v)) return true;
    if (!falsy.has(v))
      issues.push(
        accessIssue("error", AccessCode.roleInvalid, `'${value}' is not yes or no`, "write true/false, yes/no or 1/0", {
          file,
          row,
          column,
        }),
      );
    return false;
  };
  const entitlements: Record<string, Array<Record<string, unknown>>> = {};
  for (const { app, row, cells } of rows) {
    const e: Record<string, unknown> = {
      account: cells.account === undefined || cells.account === "" ? true : bool(cells.account, row, "account"),
      groups: list(cells.groups ?? ""),
      admin: bool(cells.admin, row, "admin"),
    };
    if (cells.instance) e.instance = cells.instance;
    if (cells.license) e.license = cells.license;
    (entitlements[app] ??= []).push(e);
  }
  return {
    id: fields.id,
    description: fields.description ?? "",
    owner: fields.owner ?? "",
    entitlements,
    inherits: list(fields.inherits ?? ""),
    conflictsWith: list(fields.conflictsWith ?? ""),
    requiresApproval: bool(fields.requiresApproval, roleRow, "requiresApproval"),
    privileged: bool(fields.privileged, roleRow, "privileged"),
  };
}
