/**
 * Personio v1 twin (reference B.3): `POST /v1/auth?client_id&client_secret` → `{success, data: {token}}` (60/min);
 * `GET /v1/company/employees?limit&offset` with `limit` ≤ 100 (default 50), 300 requests/min with bursts of 15/s;
 * every attribute `{label, value, type}`, supervisor and department as nested objects, an attribute not
 * whitelisted for the credential absent. The export's employee id is the custom attribute `dynamic_21001`.
 */
import { randomBytes } from "node:crypto";
import type { Express, Request, Response } from "express";
import { listed, type HrTwinFaults } from "./control-routes";
import type { HrPerson, HrStore } from "./people";
import { windowLimiter } from "./rate-limit";
import { serveHrTwin, type HrTwinOptions, type RunningHrTwin } from "./serve";

const maxLimit = 100;
export const personioEmployeeIdAttribute = "dynamic_21001";

export function startPersonioTwin(options: HrTwinOptions = {}): Promise<RunningHrTwin> {
  const clientId = `papi-client-${randomBytes(4).toString("hex")}`;
  const clientSecret = randomBytes(20).toString("hex");
  const tokens = new Set<string>();
  const errorBody = (status: number, detail: string) => ({ success: false, error: { code: status, message: detail } });
  const throttled = () => errorBody(429, "Too Many Requests");
  return serveHrTwin(
    {
      name: "hr-personio",
      token: `${clientId}:${clientSecret}`,
      extra: { employeeIdAttribute: personioEmployeeIdAttribute },
      errorBody,
      routes(app: Express, store: HrStore, faults: HrTwinFaults) {
        app.post("/v1/auth", windowLimiter([{ count: 60, windowMs: 60_000 }], throttled), (req, res) => {
          if (req.query.client_id !== clientId || req.query.client_secret !== clientSecret) {
            return void res.status(401).json(errorBody(401, "Wrong credentials"));
          }
          const token = `papi-${randomBytes(24).toString("hex")}`;
          tokens.add(token);
          res.json({ success: true, data: { token } });
        });
        app.get(
          "/v1/company/employees",
          windowLimiter(
            [
              { count: 300, windowMs: 60_000 },
              { count: 15, windowMs: 1000 },
            ],
            throttled,
          ),
          (req, res) => {
            if (!tokens.has(String(req.headers.authorization ?? "").replace(/^Bearer\s+/i, ""))) {
              return void res.status(401).json(errorBody(401, "The provided token is invalid"));
            }
            list(req, res, store, faults);
          },
        );
      },
    },
    options,
  );
}

function list(req: Request, res: Response, store: HrStore, faults: HrTwinFaults): void {
  const limit = req.query.limit === undefined ? 50 : Number(req.query.limit);
  const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit || !Number.isInteger(offset) || offset < 0) {
    return void res
      .status(400)
      .json({ success: false, error: { code: 400, message: `limit must be 1..${maxLimit}, offset ≥ 0` } });
  }
  const everyone = store.list();
  // A cut-short list still reports the whole company's total, as a failing backend would.
  const items = listed(everyone, faults).slice(offset, offset + Math.min(limit, faults.pageSize ?? limit));
  res.json({
    success: true,
    metadata: {
      total_elements: everyone.length,
      current_page: Math.floor(offset / limit),
      total_pages: Math.ceil(everyone.length / limit),
    },
    offset,
    limit,
    data: items.map((p) => ({ type: "Employee", attributes: attributes(p, store, faults.restricted) })),
  });
}

const attr = (label: string, value: unknown, type = "standard") => ({ label, value: value ?? null, type });

/** A person as Personio's attributes; those not whitelisted for the credential are left out. */
function attributes(p: HrPerson, store: HrStore, restricted: Set<string>): Record<string, unknown> {
  const manager = p.managerId ? store.get(p.managerId) : undefined;
  const status = { terminated: "inactive", leave: "leave", "pre-hire": "onboarding" }[p.status] ?? "active";
  const all: Record<string, unknown> = {
    id: attr("ID", p.internalId, "integer"),
    [personioEmployeeIdAttribute]: attr("Employee number", p.employeeId),
    first_name: attr("First name", p.firstName),
    last_name: attr("Last name", p.lastName),
    preferred_name: attr("Preferred name", p.preferredName),
    email: attr("Email", p.workEmail),
    position: attr("Position", p.title),
    department: attr(
      "Department",
      p.department ? { type: "Department", attributes: { id: 0, name: p.department } } : null,
    ),
    office: attr("Office", p.location ? { type: "Office", attributes: { id: 0, name: p.location } } : null),
    supervisor: attr(
      "Supervisor",
      manager
        ? {
            type: "Employee",
            attributes: { id: attr("ID", manager.internalId, "integer"), email: attr("Email", manager.workEmail) },
          }
        : null,
    ),
    employment_type: attr("Employment type", p.employmentType === "contractor" ? "external" : "internal"),
    status: attr("Status", status),
    hire_date: attr("Hire date", p.hireDate && `${p.hireDate}T00:00:00+00:00`, "date"),
    termination_date: attr("Termination date", p.terminationDate && `${p.terminationDate}T00:00:00+00:00`, "date"),
    contract_end_date: attr("Contract ends", p.endDate && `${p.endDate}T00:00:00+00:00`, "date"),
    last_modified_at: attr("Last modified", new Date(p.changedAt).toISOString(), "date"),
  };
  return Object.fromEntries(Object.entries(all).filter(([name]) => !restricted.has(name)));
}
