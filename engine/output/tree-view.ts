import type { StepOp } from "../events";
import { opSymbol } from "./format-step";

/** One resource row of the live view. */
export interface TreeRow {
  urn: string;
  parent?: string;
  op: StepOp;
  type: string;
  name: string;
  status: string;
  info: string;
  failed?: boolean;
}

const HEADER = { type: "Type", name: "Name", status: "Status", info: "Info" };

/** Depth-first rows with Pulumi's tree glyphs (`├─ `, `└─ `, `│  `) prefixed to the type. */
function treeOrder(rows: readonly TreeRow[]): Array<{ row: TreeRow; prefix: string }> {
  const known = new Set(rows.map((r) => r.urn));
  const children = new Map<string, TreeRow[]>();
  const roots: TreeRow[] = [];
  for (const row of rows) {
    if (row.parent && known.has(row.parent) && row.parent !== row.urn) children.set(row.parent, [...(children.get(row.parent) ?? []), row]);
    else roots.push(row);
  }
  const out: Array<{ row: TreeRow; prefix: string }> = [];
  const walk = (row: TreeRow, lead: string, glyph: string, seen: Set<string>) => {
    if (seen.has(row.urn)) return;
    seen.add(row.urn);
    out.push({ row, prefix: lead + glyph });
    const kids = children.get(row.urn) ?? [];
    const nextLead = lead + (glyph === "├─ " ? "│  " : glyph === "" ? "" : "   ");
    kids.forEach((kid, i) => walk(kid, nextLead, i === kids.length - 1 ? "└─ " : "├─ ", seen));
  };
  const seen = new Set<string>();
  for (const root of roots) walk(root, "", "", seen);
  return out;
}

function fit(text: string, width: number): string {
  return text.length <= width ? text.padEnd(width) : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/**
 * The live table: `<sym> Type  Name  Status  Info`, one line per resource, every line cut to `width` columns so
 * the renderer can count lines to redraw in place (`paint` may colour a finished line). Info takes what is left.
 */
export function renderTree(rows: readonly TreeRow[], width: number, paint: (line: string, row: TreeRow) => string = (line) => line): string[] {
  const ordered = treeOrder(rows);
  const typeWidth = Math.min(60, Math.max(HEADER.type.length, ...ordered.map(({ row, prefix }) => prefix.length + row.type.length)));
  const nameWidth = Math.min(40, Math.max(HEADER.name.length, ...rows.map((r) => r.name.length)));
  const statusWidth = Math.max(HEADER.status.length, ...rows.map((r) => r.status.length));
  const line = (sym: string, type: string, name: string, status: string, info: string) =>
    `${sym.padEnd(3)}${fit(type, typeWidth)}  ${fit(name, nameWidth)}  ${fit(status, statusWidth)}  ${info}`.trimEnd().slice(0, width);
  return [
    line("", HEADER.type, HEADER.name, HEADER.status, HEADER.info),
    ...ordered.map(({ row, prefix }) => paint(line(opSymbol(row.op).trim(), prefix + row.type, row.name, row.status, row.info), row)),
  ];
}
