import { withRawField } from "./json-text";
import { LIST_URN } from "./urns";

/** Slack's paging: 1-based `startIndex`; `count` defaults to 10 and anything above 1000 is treated as 1000. */
export const DEFAULT_COUNT = 10;
export const MAX_COUNT = 1000;

function intParam(raw: unknown, fallback: number): number {
  const n = typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  return Number.isFinite(n) ? n : fallback;
}

/**
 * One page of `items` as JSON (UTF-8); only the page is rendered, so a large org costs no more per request than a
 * small one. `render` encodes each item, so a group can reuse its rendered members (group-json.ts).
 */
export function listJson<T>(items: T[], query: Record<string, unknown>, render: (item: T) => Buffer): Buffer {
  const startIndex = Math.max(1, intParam(query.startIndex, 1));
  const count = Math.min(MAX_COUNT, Math.max(0, intParam(query.count, DEFAULT_COUNT)));
  const page = items.slice(startIndex - 1, startIndex - 1 + count);
  const envelope = { schemas: [LIST_URN], totalResults: items.length, itemsPerPage: page.length, startIndex };
  const separated = page.flatMap((item, i) => (i === 0 ? [render(item)] : [COMMA, render(item)]));
  return withRawField(envelope, "Resources", [Buffer.from("["), ...separated, Buffer.from("]")]);
}

const COMMA = Buffer.from(",");
