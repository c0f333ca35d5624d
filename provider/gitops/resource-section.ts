import { cutNote, type Block } from "./fit-comment";
import { cell, urnName, type ResourceChanges } from "./comment-inputs";

/** Ops in the order a reviewer reads them, with Pulumi's symbols and words. */
const ops: Array<[op: string, symbol: string, words: string]> = [
  ["create", "+", "to create"],
  ["update", "~", "to update"],
  ["replace", "+-", "to replace"],
  ["delete", "-", "to delete"],
  ["read", ">", "to read"],
  ["refresh", "~", "to refresh"],
  ["discard", "-", "to discard"],
  ["same", "", "unchanged"],
];
const rank = (op: string) => {
  const at = ops.findIndex(([o]) => o === op);
  return at < 0 ? ops.length : at;
};

/** `+ 3 to create · ~ 2 to update · 120 unchanged` */
export function changeLine(changes: ResourceChanges["changes"]): string {
  const parts = Object.entries(changes)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([op, n]) => {
      const known = ops.find(([o]) => o === op);
      return known ? `${known[1] ? `${known[1]} ` : ""}${n} ${known[2]}` : `${n} ${op}`;
    });
  return parts.length ? parts.join(" · ") : "no resources";
}

/** `pulumi-nodejs:dynamic/idlc:SlackAccount` → `idlc:SlackAccount`. */
const shortType = (type: string) => type.slice(type.lastIndexOf("/") + 1);

/** Counts always shown; every changed resource in one collapsed table, its rows the first thing cut. */
export function resourceBlock({ changes, steps }: ResourceChanges): Block {
  const changed = steps
    .filter((s) => s.op !== "same")
    .sort((a, b) => rank(a.op) - rank(b.op) || urnName(a.urn).localeCompare(urnName(b.urn)));
  const head = ["### Resources", "", `**${changeLine(changes)}**`, ""];
  if (changed.length === 0) return { head, items: [], tail: [] };
  return {
    head: [
      ...head,
      `<details><summary>${changed.length} resource change${changed.length === 1 ? "" : "s"}</summary>`,
      "",
      "| change | resource | type | properties |",
      "|---|---|---|---|",
    ],
    items: changed.map(
      (s) =>
        `| ${s.op} | \`${cell(urnName(s.urn)).replace(/`/g, "'")}\` | ${cell(shortType(s.type))} | ${cell(shownDiffs(s.diffs))} |`,
    ),
    tail: ["", "</details>", ""],
    rank: 1,
    cutNote: cutNote("resource rows", "idlc preview --json"),
  };
}

/**
 * The changed properties a reviewer reads. Engine-internal keys (`__provider`, the provider's code, which changes
 * when idlc's provider stub does) are left out, as the text preview leaves them out.
 */
function shownDiffs(diffs: readonly string[] | undefined): string {
  return (diffs ?? []).filter((key) => !key.startsWith("__")).join(", ");
}
