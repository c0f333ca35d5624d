/**
 * BambooHR twin (reference/sspr-and-hr-apis.md B.1): `GET /api/v1/employees` with `fields=`, cursor paging
 * (`page[limit]` default 250, max 2500, `page[after]`, `meta.page.nextCursor`), both statuses, restricted fields
 * null and listed in `_restrictedFields`; `GET /api/v1/employees/changed?since=`; the API key as the Basic user.
 * `employeeId` is BambooHR's internal id and `reportsToId` points at it; `employeeNumber` is the export's id.
 */
import { randomBytes } from "node:crypto";
import type { Express, Request, Response } from "express";
import { listed, type HrTwinFaults } from "./control-routes";
import type { HrPerson, HrStore } from "./people";
import { basicCredentials, serveHrTwin, type HrTwinOptions, type RunningHrTwin } from "./serve";

const defaultLimit = 250;
const maxLimit = 2500;

export function startBambooHrTwin(options: HrTwinOptions & { apiKey?: string } = {}): Promise<RunningHrTwin> {
  const apiKey = options.apiKey ?? randomBytes(20).toString("hex");
  return serveHrTwin(
    {
      name: "hr-bamboohr",
      token: apiKey,
      errorBody: (status, detail) => ({ error: { code: status, message: detail } }),
      routes(app: Express, store: HrStore, faults: HrTwinFaults) {
        app.use("/api", (req, res, next) => {
          if (basicCredentials(req.headers.authorization)?.user !== apiKey) {
            return void res
              .status(401)
              .set("WWW-Authenticate", "Basic")
              .json({ error: { code: 401, message: "Unauthorized" } });
          }
          next();
        });
        app.get("/api/v1/employees/changed", (req, res) => changed(req, res, store));
        app.get("/api/v1/employees", (req, res) => list(req, res, store, faults));
      },
    },
    options,
  );
}

function list(req: Request, res: Response, store: HrStore, faults: HrTwinFaults): void {
  // Express 5 parses `page[limit]` as a flat key.
  const page = {
    limit: req.query["page[limit]"] as string | undefined,
    after: req.query["page[after]"] as string | undefined,
  };
  const limit = page.limit === undefined ? defaultLimit : Number(page.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    return void res.status(400).json({ error: { code: 400, message: `page[limit] must be 1..${maxLimit}` } });
  }
  const after = page.after === undefined ? 0 : Number(Buffer.from(page.after, "base64url").toString("utf8"));
  const fields = [
    "employeeId",
    ...String(req.query.fields ?? "")
      .split(",")
      .filter(Boolean),
  ];
  const remaining = listed(store.list(), faults).filter((p) => p.internalId > after);
  const items = remaining.slice(0, Math.min(limit, faults.pageSize ?? limit));
  const more = remaining.length > items.length;
  const cursor =
    faults.repeatCursor && page.after
      ? page.after
      : Buffer.from(String(items.at(-1)?.internalId ?? 0)).toString("base64url");
  const restricted = fields.filter((f) => faults.restricted.has(f));
  res.json({
    data: items.map((p) =>
      Object.fromEntries(fields.map((f) => [f, restricted.includes(f) ? null : (wire(p, store)[f] ?? null)])),
    ),
    meta: { page: { limit, nextCursor: more ? cursor : null } },
    ...(restricted.length ? { _restrictedFields: restricted } : {}),
  });
}

function changed(req: Request, res: Response, store: HrStore): void {
  const since = Date.parse(String(req.query.since ?? ""));
  if (Number.isNaN(since))
    return void res.status(400).json({ error: { code: 400, message: "since must be an ISO 8601 timestamp" } });
  const employees = Object.fromEntries(
    store
      .changedSince(since)
      .map((c) => [
        String(c.internalId),
        { id: String(c.internalId), action: c.action, lastChanged: new Date(c.changedAt).toISOString() },
      ]),
  );
  res.json({ latest: new Date().toISOString(), employees });
}

/** A person in BambooHR's field names and words. */
function wire(p: HrPerson, store: HrStore): Record<string, unknown> {
  const employment =
    p.status === "leave"
      ? "Leave of Absence"
      : ({ contractor: "Contractor", intern: "Intern" }[p.employmentType] ?? "Full-Time");
  return {
    employeeId: String(p.internalId),
    employeeNumber: p.employeeId,
    firstName: p.firstName,
    lastName: p.lastName,
    preferredName: p.preferredName,
    workEmail: p.workEmail,
    jobTitleName: p.title,
    departmentName: p.department,
    locationName: p.location,
    reportsToId: p.managerId ? String(store.get(p.managerId)?.internalId ?? "") : undefined,
    employmentStatusName: employment,
    status: p.status === "terminated" ? "Inactive" : "Active",
    hireDate: p.hireDate,
    terminationDate: p.terminationDate,
  };
}
