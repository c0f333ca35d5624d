import type { StepEventMetadata } from "../events";
import { formatValue, valueAtPath } from "./format-value";

const SHOWN_OPS = new Set(["update", "replace", "create-replacement"]);

/**
 * The property diff printed under an update or replace: `~ title: "A" => "B"`, `+ key: value`, `- key: value`.
 * Uses the provider's detailed diff paths when present, else the changed top-level keys; internal `__` keys
 * (the serialized provider) are never shown.
 */
export function propertyDiffLines(meta: StepEventMetadata): string[] {
  if (!SHOWN_OPS.has(meta.op)) return [];
  const olds = meta.old?.inputs;
  const news = meta.new?.inputs;
  const paths = Object.keys(meta.detailedDiff ?? {});
  const keys = paths.length ? paths : (meta.diffs ?? topLevelChanges(olds, news));
  const lines: string[] = [];
  for (const path of keys) {
    if (path.startsWith("__")) continue;
    const before = valueAtPath(olds, path);
    const after = valueAtPath(news, path);
    const replaces = meta.keys?.includes(path.split(/[.[]/)[0]!) ? " (replace)" : "";
    if (before === undefined && after !== undefined) lines.push(`+ ${path}: ${formatValue(after)}${replaces}`);
    else if (after === undefined && before !== undefined) lines.push(`- ${path}: ${formatValue(before)}${replaces}`);
    else lines.push(`~ ${path}: ${formatValue(before)} => ${formatValue(after)}${replaces}`);
  }
  return lines;
}

function topLevelChanges(
  olds: Record<string, unknown> | undefined,
  news: Record<string, unknown> | undefined,
): string[] {
  const keys = new Set([...Object.keys(olds ?? {}), ...Object.keys(news ?? {})]);
  return [...keys].filter((k) => JSON.stringify(olds?.[k]) !== JSON.stringify(news?.[k])).sort();
}
