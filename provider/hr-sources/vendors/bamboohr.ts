/**
 * BambooHR: `GET /api/v1/employees` with `fields=`, cursor paging (`page[limit]` ≤ 2500, `meta.page.nextCursor`),
 * both statuses; fields the API key's user may not see come back null and listed in `_restrictedFields`. The API
 * key is the Basic user (password `x`). `GET /api/v1/employees/changed?since=` is the one-call change feed.
 * Throttling: 429 + Retry-After (503 before 2026-09-16), both retried by provider/net.
 */
import { z } from "zod";
import type { HrField } from "../../hr";
import { collectPages } from "../../net";
import { basic, type HrVendorSource, type PulledRecord } from "../record";
import { employmentTypeOf, statusOf } from "./vocabulary";

const pageLimit = 2500;

/** Canonical field ← BambooHR list-employees field. */
const wire = {
  employeeId: "employeeNumber",
  firstName: "firstName",
  lastName: "lastName",
  preferredName: "preferredName",
  workEmail: "workEmail",
  title: "jobTitleName",
  department: "departmentName",
  location: "locationName",
  managerId: "reportsToId",
  employmentType: "employmentStatusName",
  status: "status",
  hireDate: "hireDate",
  terminationDate: "terminationDate",
} as const satisfies Partial<Record<HrField, string>>;

const Page = z.object({
  data: z.array(z.record(z.string(), z.unknown())),
  meta: z
    .object({ page: z.object({ nextCursor: z.string().nullish() }).loose() })
    .loose()
    .optional(),
  _restrictedFields: z.array(z.string()).optional(),
});

const Changed = z
  .object({ employees: z.record(z.string(), z.object({ lastChanged: z.string().optional() }).loose()).nullish() })
  .loose();

const grant = (field: string) => `give the API key's BambooHR user an access level that can view "${field}"`;

export const bamboohr: HrVendorSource = {
  vendor: "bamboohr",
  changeField: "lastChanged",
  permissions: Object.fromEntries(Object.entries(wire).map(([f, w]) => [f, grant(w)])),
  async pull(connection, client) {
    const http = client({ authorization: basic(connection.credential, "x") });
    const fields = [...new Set(["employeeId", ...Object.values(wire)])].join(",");
    const rows: Array<{ row: Record<string, unknown>; restricted: Set<string> }> = [];
    await collectPages("hr-bamboohr", async (after) => {
      const { body } = await http.request({
        method: "GET",
        path: "/api/v1/employees",
        query: { fields, "page[limit]": pageLimit, "page[after]": after },
      });
      const page = Page.parse(body);
      const restricted = new Set(page._restrictedFields ?? []);
      for (const row of page.data) rows.push({ row, restricted });
      return { items: page.data, next: page.meta?.page.nextCursor ?? undefined };
    });
    // reportsToId is BambooHR's internal id; the export names managers by employee number.
    const numberOf = new Map(rows.map(({ row }) => [String(row.employeeId), text(row.employeeNumber)]));
    return rows.map(({ row, restricted }) => toRecord(row, restricted, numberOf, connection.today));
  },
  async changedSince(connection, client, since) {
    const http = client({ authorization: basic(connection.credential, "x") });
    const { body } = await http.request({ method: "GET", path: "/api/v1/employees/changed", query: { since } });
    return Object.keys(Changed.parse(body).employees ?? {}).length > 0;
  },
  async changeTimes(connection, client, since) {
    const http = client({ authorization: basic(connection.credential, "x") });
    const { body } = await http.request({ method: "GET", path: "/api/v1/employees/changed", query: { since } });
    const employees = Object.entries(Changed.parse(body).employees ?? {});
    return new Map(employees.flatMap(([id, e]) => (e.lastChanged ? [[id, e.lastChanged] as const] : [])));
  },
};

function toRecord(
  row: Record<string, unknown>,
  restricted: Set<string>,
  numberOf: Map<string, string | undefined>,
  today: string,
): PulledRecord {
  const values: PulledRecord["values"] = {};
  const unreadable: HrField[] = [];
  for (const [field, name] of Object.entries(wire) as Array<[HrField, string]>) {
    if (restricted.has(name) || !(name in row)) unreadable.push(field);
    else values[field] = text(row[name]);
  }
  if (values.managerId !== undefined) values.managerId = numberOf.get(values.managerId) ?? values.managerId;
  const employment = values.employmentType;
  values.employmentType = employmentTypeOf(employment);
  values.status = statusOf(values.status, { hireDate: values.hireDate, today, detail: employment });
  return { values, unreadable, internalId: String(row.employeeId) };
}

function text(value: unknown): string | undefined {
  return value === null || value === undefined || value === "" ? undefined : String(value);
}
