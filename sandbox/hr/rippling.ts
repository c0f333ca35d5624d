/**
 * Rippling twin (reference B.5): `GET /workers` with `limit` (≤ 100 here), `cursor`, `expand=user,department,
 * employment_type`, the response's `next_link` carrying the next cursor; a bearer API token whose scopes decide what
 * a worker shows (a field of a scope the token lacks is left out). Statuses ACTIVE / TERMINATED / HIRED, and
 * ON_LEAVE [unverified]; `end_date` is the termination date, `manager_id` the manager's worker id.
 */
import { randomBytes } from "node:crypto";
import type { Express, Request, Response } from "express";
import { listed, type HrTwinFaults } from "./control-routes";
import type { HrPerson, HrStore } from "./people";
import { serveHrTwin, type HrTwinOptions, type RunningHrTwin } from "./serve";

const maxLimit = 100;

export function startRipplingTwin(options: HrTwinOptions = {}): Promise<RunningHrTwin> {
  const token = randomBytes(24).toString("hex");
  const errorBody = (status: number, detail: string) => ({ type: "error", status, detail });
  return serveHrTwin(
    {
      name: "hr-rippling",
      token,
      errorBody,
      routes(app: Express, store: HrStore, faults: HrTwinFaults) {
        app.use("/workers", (req, res, next) => {
          if (req.headers.authorization !== `Bearer ${token}`)
            return void res.status(401).json(errorBody(401, "Invalid token"));
          next();
        });
        app.get("/workers", (req, res) => list(req, res, store, faults));
      },
    },
    options,
  );
}

function list(req: Request, res: Response, store: HrStore, faults: HrTwinFaults): void {
  const limit = req.query.limit === undefined ? 50 : Number(req.query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    return void res.status(400).json({ type: "error", status: 400, detail: `limit must be 1..${maxLimit}` });
  }
  const cursor = typeof req.query.cursor === "string" ? req.query.cursor : undefined;
  const after = cursor ? Number(Buffer.from(cursor, "base64url").toString("utf8")) : 0;
  const expand = new Set(
    String(req.query.expand ?? "")
      .split(",")
      .filter(Boolean),
  );
  const remaining = listed(store.list(), faults).filter((p) => p.internalId > after);
  const items = remaining.slice(0, Math.min(limit, faults.pageSize ?? limit));
  const nextCursor =
    faults.repeatCursor && cursor ? cursor : Buffer.from(String(items.at(-1)?.internalId ?? 0)).toString("base64url");
  const base = `${req.protocol}://${req.get("host")}/workers`;
  res.json({
    results: items.map((p) => worker(p, store, expand, faults.restricted)),
    next_link: remaining.length > items.length ? `${base}?limit=${limit}&cursor=${nextCursor}` : null,
  });
}

/** A worker as the token's scopes show it; expanded objects only when asked for. */
function worker(p: HrPerson, store: HrStore, expand: Set<string>, restricted: Set<string>): Record<string, unknown> {
  const status = { terminated: "TERMINATED", leave: "ON_LEAVE", "pre-hire": "HIRED" }[p.status] ?? "ACTIVE";
  const manager = p.managerId ? store.get(p.managerId) : undefined;
  const byScope: Record<string, Record<string, unknown>> = {
    "workers.read": {
      id: `wkr_${p.internalId}`,
      number: p.employeeId,
      work_email: p.workEmail ?? null,
      title: p.title ?? null,
      status,
      start_date: p.hireDate ?? null,
      end_date: p.terminationDate ?? null,
      manager_id: manager ? `wkr_${manager.internalId}` : null,
      updated_at: new Date(p.changedAt).toISOString(),
    },
    "users.read": expand.has("user")
      ? {
          user: {
            id: `usr_${p.internalId}`,
            name: { given_name: p.firstName, family_name: p.lastName, preferred_given_name: p.preferredName ?? null },
          },
        }
      : {},
    "departments.read": expand.has("department")
      ? { department: p.department ? { id: `dep_${p.department}`, name: p.department } : null }
      : {},
    "employment-types.read": expand.has("employment_type")
      ? { employment_type: { type: { contractor: "CONTRACTOR", intern: "INTERN" }[p.employmentType] ?? "SALARIED_FT" } }
      : {},
  };
  return Object.assign(
    {},
    ...Object.entries(byScope)
      .filter(([scope]) => !restricted.has(scope))
      .map(([, fields]) => fields),
  );
}
