/**
 * HiBob: `POST /v1/people/search` with `showInactive: true` (leavers) and the field ids wanted. No paging: the
 * whole company comes back at once. A field whose category the service user's permission group may not view is
 * silently omitted from the person (an empty value is null), so an absent key is "unreadable". Auth: the service
 * user's `ID:TOKEN` as HTTP Basic. People search allows 50 requests/min (429 + X-RateLimit-*).
 */
import { z } from "zod";
import type { HrField } from "../../hr";
import { createPacer } from "../../net";
import { HrPullError } from "../errors";
import { basic, credentialPair, type HrVendorSource, type PulledRecord } from "../record";
import { employmentTypeOf, statusOf } from "./vocabulary";

/** Canonical field ← HiBob field id (dot path into the returned person; root fields have no `root.` in it). */
const wire = {
  employeeId: "work.employeeIdInCompany",
  firstName: "firstName",
  lastName: "surname",
  workEmail: "email",
  title: "work.title",
  department: "work.department",
  location: "work.site",
  managerId: "work.reportsToIdInCompany",
  employmentType: "payroll.employment.type",
  status: "internal.lifecycleStatus",
  hireDate: "work.startDate",
  terminationDate: "internal.terminationDate",
} as const satisfies Partial<Record<HrField, string>>;

const requestId = (path: string) => (path.includes(".") ? path : `root.${path}`);

const Search = z.object({ employees: z.array(z.record(z.string(), z.unknown())) });

const category = (path: string) => (path.includes(".") ? path.split(".")[0]! : "root");
const grant = (path: string) =>
  `add the service user to a permission group that can view the "${category(path)}" category ` +
  `(field ${requestId(path)})`;

export const hibob: HrVendorSource = {
  vendor: "hibob",
  permissions: Object.fromEntries(Object.entries(wire).map(([f, w]) => [f, grant(w)])),
  async pull(connection, client) {
    const [id, token] = credentialPair("hibob", connection.credential, "SERVICE-USER-ID:TOKEN");
    const http = client({
      authorization: basic(id, token),
      pacer: [{ pacer: createPacer({ perMinute: 50, burst: 5 }) }],
    });
    const { body } = await http.request({
      method: "POST",
      path: "/v1/people/search",
      body: { fields: Object.values(wire).map(requestId), showInactive: true },
    });
    const parsed = Search.safeParse(body);
    if (!parsed.success) {
      throw new HrPullError(
        "HR_PULL_RESPONSE",
        "hibob: people search did not return an `employees` list",
        "Check identity:hr.source.url points at HiBob's API root (https://api.hibob.com).",
      );
    }
    return parsed.data.employees.map((person) => toRecord(person, connection.today));
  },
};

function toRecord(person: Record<string, unknown>, today: string): PulledRecord {
  const values: PulledRecord["values"] = {};
  const unreadable: HrField[] = [];
  for (const [field, path] of Object.entries(wire) as Array<[HrField, string]>) {
    const found = lookup(person, path);
    if (!found.present) unreadable.push(field);
    else values[field] = found.value;
  }
  values.employmentType = employmentTypeOf(values.employmentType);
  values.status = statusOf(values.status, { hireDate: values.hireDate, today });
  return { values, unreadable };
}

function lookup(person: Record<string, unknown>, path: string): { present: boolean; value?: string } {
  let node: unknown = person;
  for (const key of path.split(".")) {
    if (typeof node !== "object" || node === null || !(key in node)) return { present: false };
    node = (node as Record<string, unknown>)[key];
  }
  return { present: true, value: node === null || node === undefined || node === "" ? undefined : String(node) };
}
