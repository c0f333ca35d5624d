/**
 * HiBob twin (reference B.4): `POST /v1/people/search` with `fields` (dot-notation ids) and `showInactive`
 * (default: active only); no paging, everyone in one answer; a field whose category the service user may not
 * view is silently omitted (an empty one is null); the service user's `ID:TOKEN` as HTTP Basic; 50 requests/min,
 * then 429 with `Retry-After` and `X-RateLimit-*`.
 */
import { randomBytes } from "node:crypto";
import express, { type Express } from "express";
import { z } from "zod";
import { listed, type HrTwinFaults } from "./control-routes";
import type { HrPerson, HrStore } from "./people";
import { windowLimiter } from "./rate-limit";
import { basicCredentials, serveHrTwin, type HrTwinOptions, type RunningHrTwin } from "./serve";

const Search = z.object({ fields: z.array(z.string()).default([]), showInactive: z.boolean().default(false) }).loose();

export function startHiBobTwin(options: HrTwinOptions & { perMinute?: number } = {}): Promise<RunningHrTwin> {
  const serviceUser = `SERVICE-${randomBytes(4).toString("hex").toUpperCase()}`;
  const token = randomBytes(20).toString("hex");
  const errorBody = (status: number, detail: string) => ({ key: String(status), error: detail });
  const perMinute = options.perMinute ?? 50;
  return serveHrTwin(
    {
      name: "hr-hibob",
      token: `${serviceUser}:${token}`,
      errorBody,
      routes(app: Express, store: HrStore, faults: HrTwinFaults) {
        app.use("/v1", (req, res, next) => {
          const given = basicCredentials(req.headers.authorization);
          if (given?.user !== serviceUser || given.password !== token)
            return void res.status(401).json(errorBody(401, "Unauthorized"));
          next();
        });
        app.post(
          "/v1/people/search",
          windowLimiter(
            [{ count: perMinute, windowMs: 60_000 }],
            () => errorBody(429, "Too Many Requests"),
            (limit, resetAt) => ({
              "X-RateLimit-Limit": String(limit.count),
              "X-RateLimit-Remaining": "0",
              "X-RateLimit-Reset": String(Math.ceil(resetAt / 1000)),
            }),
          ),
          // Parsed after the limiter, so a throttled request costs the twin nothing.
          express.json(),
          (req, res) => {
            const parsed = Search.safeParse(req.body ?? {});
            if (!parsed.success) return void res.status(400).json(errorBody(400, z.prettifyError(parsed.error)));
            const { fields, showInactive } = parsed.data;
            const people = listed(store.list(), faults).filter((p) => showInactive || p.status !== "terminated");
            res.json({ employees: people.map((p) => pick(wire(p), fields, faults.restricted)) });
          },
        );
      },
    },
    options,
  );
}

/** The requested field ids of a person, in HiBob's nested response shape; unviewable categories omitted. */
function pick(person: Record<string, unknown>, fields: string[], restricted: Set<string>) {
  const out: Record<string, unknown> = {};
  for (const id of fields) {
    const [category, ...rest] = id.split(".");
    if (restricted.has(category!) || restricted.has(id)) continue;
    if (category === "root") {
      out[rest.join(".")] = (person as Record<string, unknown>)[rest.join(".")] ?? null;
      continue;
    }
    let from: unknown = person;
    let into = out;
    for (const key of [category!, ...rest.slice(0, -1)]) {
      from = (from as Record<string, unknown> | undefined)?.[key];
      into = (into[key] ??= {}) as Record<string, unknown>;
    }
    into[rest.at(-1)!] = (from as Record<string, unknown> | undefined)?.[rest.at(-1)!] ?? null;
  }
  return out;
}

/** A person in HiBob's field ids and words. */
function wire(p: HrPerson): Record<string, unknown> {
  const lifecycle = { terminated: "Terminated", leave: "Leave", "pre-hire": "Hired" }[p.status] ?? "Employed";
  return {
    id: String(p.internalId),
    firstName: p.firstName,
    surname: p.lastName,
    email: p.workEmail,
    work: {
      employeeIdInCompany: p.employeeId,
      title: p.title,
      department: p.department,
      site: p.location,
      reportsToIdInCompany: p.managerId,
      startDate: p.hireDate,
    },
    internal: {
      status: p.status === "terminated" ? "Inactive" : "Active",
      lifecycleStatus: lifecycle,
      terminationDate: p.terminationDate,
    },
    payroll: { employment: { type: { contractor: "Contractor", intern: "Intern" }[p.employmentType] ?? "Permanent" } },
  };
}
