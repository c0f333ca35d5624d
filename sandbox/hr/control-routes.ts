import express, { type Router } from "express";
import { z } from "zod";
import type { HrStore } from "./people";

/** What a test can break in a twin's list API, beyond `sandbox/faults`: fields the credential may not read, paging. */
export interface HrTwinFaults {
  /** Vendor field names (or HiBob categories) the credential may not read. */
  restricted: Set<string>;
  /** End the list silently after this many people, as if the last page came early (paging cut short). */
  truncateAt?: number;
  /** Serve at most this many people per page whatever the client asks (a server-side cap), to force paging. */
  pageSize?: number;
  /** Hand back the same cursor again from the second page on (a repeated cursor). */
  repeatCursor?: boolean;
}

const Person = z.object({ employeeId: z.string().min(1) }).catchall(z.string().optional());
const Faults = z.strictObject({
  restricted: z.array(z.string()).default([]),
  truncateAt: z.number().int().min(0).optional(),
  pageSize: z.number().int().min(1).optional(),
  repeatCursor: z.boolean().optional(),
});

/**
 * `/_hr`, the twin's control endpoint (what the HR admin does in the vendor's UI, and what a test breaks):
 * `GET /_hr/people`; `POST /_hr/people/:id/terminate` `{date?}`; `POST /_hr/people` `{employeeId, …}` (a joiner,
 * or a mover's changed fields); `DELETE /_hr/people/:id`; `POST /_hr/faults` `{restricted, truncateAt, pageSize,
 * repeatCursor}` (replaces them); `DELETE /_hr/faults`.
 */
export function hrControlRoutes(store: HrStore, faults: HrTwinFaults): Router {
  const router = express.Router();
  router.use("/_hr", express.json());
  router.get("/_hr/people", (_req, res) => void res.json({ people: store.list() }));
  router.post("/_hr/people/:id/terminate", (req, res) => {
    if (!store.get(req.params.id)) return void res.status(404).json({ error: `no person ${req.params.id}` });
    res.json(store.terminate(req.params.id, typeof req.body?.date === "string" ? req.body.date : undefined));
  });
  router.post("/_hr/people", (req, res) => {
    const parsed = Person.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: z.prettifyError(parsed.error) });
    res.json(store.upsert(parsed.data as Parameters<HrStore["upsert"]>[0]));
  });
  router.delete("/_hr/people/:id", (req, res) => void res.status(store.remove(req.params.id) ? 204 : 404).end());
  router.post("/_hr/faults", (req, res) => {
    const parsed = Faults.safeParse(req.body ?? {});
    if (!parsed.success) return void res.status(400).json({ error: z.prettifyError(parsed.error) });
    faults.restricted = new Set(parsed.data.restricted);
    const { restricted: _r, ...rest } = parsed.data;
    Object.assign(faults, { truncateAt: undefined, pageSize: undefined, repeatCursor: undefined }, rest);
    res.json({ ...rest, restricted: [...faults.restricted] });
  });
  router.delete("/_hr/faults", (_req, res) => {
    faults.restricted.clear();
    Object.assign(faults, { truncateAt: undefined, pageSize: undefined, repeatCursor: undefined });
    res.status(204).end();
  });
  return router;
}

/** The people a list call serves: everyone, or the first `truncateAt` of them when the list is cut short. */
export function listed<T>(people: T[], faults: HrTwinFaults): T[] {
  return faults.truncateAt === undefined ? people : people.slice(0, faults.truncateAt);
}
