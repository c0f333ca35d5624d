import { deepEqual } from "./equal";
import type { PropertyMap } from "./sentinels";

/** Splits a Pulumi property path (`a.b[0]["c.d"]`) into segments. */
export function parsePropertyPath(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(m[3]!.replace(/\\(.)/g, "$1"));
  }
  return segments;
}

type Container = Record<string | number, unknown>;

function get(root: unknown, path: Array<string | number>): { found: boolean; value?: unknown } {
  let cur: unknown = root;
  for (const seg of path) {
    if (typeof cur !== "object" || cur === null || !(seg in (cur as Container))) return { found: false };
    cur = (cur as Container)[seg];
  }
  return { found: true, value: cur };
}

function set(root: Container, path: Array<string | number>, value: unknown, present: boolean): void {
  let cur: Container = root;
  for (const seg of path.slice(0, -1)) {
    const next = cur[seg];
    if (typeof next !== "object" || next === null) return;
    cur[seg] = Array.isArray(next) ? [...next] : { ...(next as object) };
    cur = cur[seg] as Container;
  }
  const last = path[path.length - 1]!;
  if (present) cur[last] = value;
  else delete cur[last];
}

/** Keeps the old value at every ignored path (Go `processIgnoreChanges`); `*` ignores every top-level key. */
export function processIgnoreChanges(news: PropertyMap, olds: PropertyMap, ignore: readonly string[]): PropertyMap {
  if (ignore.length === 0) return news;
  const out: PropertyMap = { ...news };
  for (const path of ignore) {
    if (path === "*") {
      for (const k of new Set([...Object.keys(olds), ...Object.keys(news)])) set(out, [k], olds[k], k in olds);
      continue;
    }
    const segs = parsePropertyPath(path);
    if (segs.length === 0) continue;
    const old = get(olds, segs);
    set(out, segs, old.value, old.found);
  }
  return out;
}

/** True when any `replaceOnChanges` path (or `*`) covers a changed property. */
export function matchesReplaceOnChanges(olds: PropertyMap, news: PropertyMap, paths: readonly string[]): string[] {
  const hits: string[] = [];
  for (const path of paths) {
    if (path === "*") {
      for (const k of new Set([...Object.keys(olds), ...Object.keys(news)])) {
        if (!deepEqual(olds[k], news[k])) hits.push(k);
      }
      continue;
    }
    const segs = parsePropertyPath(path);
    if (!deepEqual(get(olds, segs).value, get(news, segs).value)) hits.push(path);
  }
  return [...new Set(hits)];
}
