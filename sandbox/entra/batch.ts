import { Router } from "express";
import { badRequest, GraphApiError, graphErrorBody } from "./errors";
import type { Json } from "./store";

interface BatchRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}
interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Structural checks that fail the whole batch with 400 (Graph does not run any part of it then). */
function checkBatch(body: Json): BatchRequest[] {
  const requests = body.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw badRequest("Invalid batch payload format.");
  if (requests.length > 20) throw badRequest("The number of requests in the batch exceeds the limit of 20.");
  const ids = new Set<string>();
  for (const r of requests as BatchRequest[]) {
    if (!r.id || !r.method || !r.url) throw badRequest("Each request in the batch needs id, method and url.");
    if (ids.has(r.id)) throw badRequest(`Request id '${r.id}' is duplicated in the batch.`);
    ids.add(r.id);
    if (r.body !== undefined && !r.headers)
      throw badRequest(`Request '${r.id}' has a body and therefore needs a Content-Type header.`);
  }
  const byId = new Map((requests as BatchRequest[]).map((r) => [r.id, r]));
  const visiting = new Set<string>();
  const acyclic = (id: string): void => {
    if (visiting.has(id)) throw badRequest(`The dependsOn chain of request '${id}' is circular.`);
    visiting.add(id);
    for (const d of byId.get(id)?.dependsOn ?? []) {
      if (!byId.has(d)) throw badRequest(`Request '${id}' depends on unknown request '${d}'.`);
      acyclic(d);
    }
    visiting.delete(id);
  };
  for (const id of byId.keys()) acyclic(id);
  return requests as BatchRequest[];
}

/**
 * `POST /$batch`: up to 20 requests, each replayed against this same API (so each is authorised and throttled on
 * its own, an inner 429 included). `dependsOn` orders them; a request whose dependency failed is answered 424
 * without running. The outer status is 200 whatever the inner ones are, and responses come back in no fixed order.
 */
export function batchRouter(apiBase: () => string): Router {
  const router = Router();
  router.post("/$batch", async (req, res) => {
    const requests = checkBatch((req.body ?? {}) as Json);
    const done = new Map<string, Promise<BatchResponse>>();
    const run = async (r: BatchRequest): Promise<BatchResponse> => {
      const deps = await Promise.all((r.dependsOn ?? []).map((d) => schedule(requests.find((x) => x.id === d)!)));
      if (deps.some((d) => d.status >= 400)) {
        const error = new GraphApiError(
          424,
          "FailedDependency",
          "The request could not be executed because a request it depends on failed.",
        );
        return { id: r.id, status: 424, headers: { "Content-Type": "application/json" }, body: graphErrorBody(error) };
      }
      const url = `${apiBase()}/${r.url.replace(/^\//, "")}`;
      const headers: Record<string, string> = {
        ...(r.headers ?? {}),
        authorization: String(req.headers.authorization ?? ""),
      };
      const answer = await fetch(url, {
        method: r.method,
        headers,
        body: r.body === undefined ? undefined : JSON.stringify(r.body),
      });
      const text = await answer.text();
      const out: Record<string, string> = {};
      for (const key of ["content-type", "retry-after", "location"]) {
        const v = answer.headers.get(key);
        if (v) out[key === "content-type" ? "Content-Type" : key === "retry-after" ? "Retry-After" : "Location"] = v;
      }
      return { id: r.id, status: answer.status, headers: out, ...(text ? { body: JSON.parse(text) as unknown } : {}) };
    };
    const schedule = (r: BatchRequest): Promise<BatchResponse> => {
      if (!done.has(r.id)) done.set(r.id, run(r));
      return done.get(r.id)!;
    };
    const responses = await Promise.all(requests.map(schedule));
    // Graph returns responses in any order; reversing keeps clients honest about matching by id.
    res.json({ responses: responses.reverse() });
  });
  return router;
}
