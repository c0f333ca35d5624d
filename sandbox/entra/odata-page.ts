import type { Request } from "express";
import { badRequest, GraphApiError } from "./errors";
import type { Json } from "./store";

/** Picks `$select`ed properties (absent ones as null); without `$select`, the resource's default set. */
export function select(resource: Json, selectParam: unknown, defaults: readonly string[]): Json {
  const fields =
    typeof selectParam === "string" && selectParam !== "" ? selectParam.split(",").map((s) => s.trim()) : defaults;
  const out: Json = {};
  for (const f of fields) out[f] = resource[f] ?? null;
  return out;
}

/**
 * One page of a collection: `$top` (1–999, default 100) and an opaque `$skiptoken` bound to the query, answered
 * with `@odata.nextLink` carrying every original parameter so a client follows it verbatim.
 */
export function page<T>(all: T[], req: Request, publicBase: string): { value: T[]; nextLink?: string } {
  const top = req.query.$top === undefined ? 100 : Number(req.query.$top);
  if (!Number.isInteger(top) || top < 1 || top > 999) {
    throw badRequest(`Invalid page size specified: '${String(req.query.$top)}'. Must be between 1 and 999 inclusive.`);
  }
  const signature = JSON.stringify([req.path, req.query.$filter, req.query.$select, top]);
  let offset = 0;
  if (typeof req.query.$skiptoken === "string") {
    try {
      const token = JSON.parse(Buffer.from(req.query.$skiptoken, "base64url").toString("utf8")) as {
        o: number;
        q: string;
      };
      if (token.q !== signature) throw new Error("mismatch");
      offset = token.o;
    } catch {
      throw new GraphApiError(
        400,
        "Directory_ExpiredPageToken",
        "The specified page token value has expired and can no longer be included in your request.",
      );
    }
  }
  const value = all.slice(offset, offset + top);
  if (offset + top >= all.length) return { value };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query)) if (k !== "$skiptoken" && typeof v === "string") params.set(k, v);
  params.set("$skiptoken", Buffer.from(JSON.stringify({ o: offset + top, q: signature })).toString("base64url"));
  return { value, nextLink: `${publicBase}${req.baseUrl}${req.path}?${params.toString().replace(/%24/g, "$")}` };
}
