import { invalid } from "./errors";

/** One page of a list and the opaque token for the next (absent on the last page). */
export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

/**
 * Offset paging behind an opaque token bound to the query it came from, so a token reused with another query is
 * rejected instead of silently skipping rows.
 */
export function paginate<T>(
  all: T[],
  query: string,
  maxResults: unknown,
  pageToken: unknown,
  limits: { def: number; max: number },
): Page<T> {
  const size = maxResults === undefined ? limits.def : Number(maxResults);
  if (!Number.isInteger(size) || size < 1 || size > limits.max)
    throw invalid(`maxResults must be between 1 and ${limits.max}`);
  let offset = 0;
  if (typeof pageToken === "string" && pageToken !== "") {
    try {
      const parsed = JSON.parse(Buffer.from(pageToken, "base64url").toString("utf8")) as { o: number; q: string };
      if (parsed.q !== query || !Number.isInteger(parsed.o) || parsed.o < 0) throw new Error("mismatch");
      offset = parsed.o;
    } catch {
      throw invalid("pageToken");
    }
  }
  const items = all.slice(offset, offset + size);
  const next = offset + size;
  return next < all.length
    ? { items, nextPageToken: Buffer.from(JSON.stringify({ o: next, q: query })).toString("base64url") }
    : { items };
}
