import { canonicalJson } from "../plan/canonical-json";
import type { JmlDiff } from "./diff";
import { appTotals, headline, personDetails } from "./diff-summary";

export type DiffFormat = "text" | "md" | "json";

/** People per section shown in full before the rest collapse into `<details>`: about one screen. */
export const screenful = 10;
/** GitHub refuses comments over 65,536 characters; stay clear of it and point at the JSON for the rest. */
const commentBudget = 64_000;

interface Entry {
  key: string;
  heading: string;
}

function sections(diff: JmlDiff): Array<{ title: string; entries: Entry[] }> {
  const who = (p: { displayName: string; employeeId: string; department?: string; title?: string }) =>
    `${p.displayName} (${p.employeeId})${[p.department, p.title].filter(Boolean).length ? `, ${[p.department, p.title].filter(Boolean).join(", ")}` : ""}`;
  return [
    {
      title: "Joiners",
      entries: diff.joiners.map((j) => ({
        key: `j/${j.employeeId}`,
        heading: `${who(j)} — ${j.status === "activated" ? "starts, accounts enabled" : j.lifecycle === "pre-hire" ? `starts ${j.hireDate ?? "soon"}, accounts created disabled` : "accounts created"}`,
      })),
    },
    { title: "Movers", entries: diff.movers.map((m) => ({ key: `m/${m.employeeId}`, heading: who(m) })) },
    {
      title: "Leavers",
      entries: diff.leavers.map((l) => ({
        key: `l/${l.employeeId}`,
        heading: `${who(l)} — ${l.deleted.length && !l.disabled.length ? "accounts deleted after retention" : `terminated ${l.terminationDate ?? ""}`.trim()}`,
      })),
    },
    {
      title: "Rehires",
      entries: diff.rehires.map((r) => ({
        key: `r/${r.employeeId}`,
        heading: `${who(r)} — back ${r.hireDate ?? ""}`.trim(),
      })),
    },
  ];
}

/** The diff for a terminal: one line per person, indented details. */
export function formatDiffText(diff: JmlDiff): string {
  const details = personDetails(diff);
  const lines = [`idlc diff ${diff.from} → ${diff.to}: ${headline(diff)}`];
  for (const { title, entries } of sections(diff)) {
    if (entries.length === 0) continue;
    lines.push("", `${title.toUpperCase()} (${entries.length})`);
    for (const e of entries) lines.push(`  ${e.heading}`, ...details.get(e.key)!.map((d) => `      ${d}`));
  }
  return `${lines.join("\n")}\n`;
}

/** The diff as a PR comment: totals per app first, each section's first screenful in full, the rest in one collapsed table. */
export function formatDiffMarkdown(diff: JmlDiff): string {
  const details = personDetails(diff);
  const out = [`### idlc diff ${diff.from} → ${diff.to}`, "", `**${headline(diff)}**`, ""];
  const totals = appTotals(diff);
  if (totals.length > 0) {
    out.push(
      "| app | accounts created | disabled | deleted | entitlements gained | entitlements lost |",
      "|---|---:|---:|---:|---:|---:|",
    );
    for (const t of totals)
      out.push(`| ${t.app} | ${t.created} | ${t.disabled} | ${t.deleted} | ${t.gained} | ${t.lost} |`);
    out.push("");
  }
  let size = out.join("\n").length;
  let omitted = 0;
  const fits = (lines: string[]) => {
    const cost = lines.join("\n").length + 1;
    if (size + cost > commentBudget) return false;
    size += cost;
    return true;
  };
  for (const { title, entries } of sections(diff)) {
    if (entries.length === 0) continue;
    out.push(`#### ${title} (${entries.length})`, "");
    for (const e of entries.slice(0, screenful)) {
      const lines = [`- **${escape(e.heading)}**`, ...details.get(e.key)!.map((d) => `  - \`${d}\``)];
      if (fits(lines)) out.push(...lines);
      else omitted++;
    }
    const rest = entries.slice(screenful);
    if (rest.length > 0) {
      // One collapsed table for the rest: a 500-person section stays one line until a reviewer opens it.
      const table = [
        `<details><summary>${rest.length} more ${title.toLowerCase()}</summary>`,
        "",
        "| person | changes |",
        "|---|---|",
      ];
      fits(table);
      for (const e of rest) {
        const row = `| ${cell(e.heading)} | ${details.get(e.key)!.map(cell).join("<br>")} |`;
        if (fits([row])) table.push(row);
        else omitted++;
      }
      out.push(...table, "", "</details>");
    }
    out.push("");
  }
  if (omitted > 0)
    out.push(
      `_${omitted} more people left out to fit a PR comment; run \`idlc diff --format json\` for all of them._`,
      "",
    );
  return `${out.join("\n").trimEnd()}\n`;
}

/** The diff as canonical JSON: sorted keys and people, byte-identical across runs. */
export function formatDiffJson(diff: JmlDiff): string {
  return canonicalJson({
    ...diff,
    summary: {
      joiners: diff.joiners.length,
      movers: diff.movers.length,
      leavers: diff.leavers.length,
      rehires: diff.rehires.length,
    },
  });
}

export function formatDiff(diff: JmlDiff, format: DiffFormat): string {
  return format === "md" ? formatDiffMarkdown(diff) : format === "json" ? formatDiffJson(diff) : formatDiffText(diff);
}

const escape = (text: string) => text.replace(/([\\*_`|<>[\]])/g, "\\$1");
/** A table cell: HTML-escaped (it sits inside `<details>`), pipes escaped so they do not split the row. */
const cell = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|");
