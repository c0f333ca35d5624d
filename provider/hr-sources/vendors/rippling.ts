/**
 * Rippling REST API: `GET /workers` with `expand=user,department,employment_type`, cursor paging (`limit`, `cursor`,
 * `next_link`), a bearer API token with the `workers.read`, `users.read`, `departments.read` and
 * `employment-types.read` scopes. A field whose scope the token lacks is left out of the worker, so an absent key
 * is "unreadable". Rippling publishes no rate limit: 429 + Retry-After are retried like any vendor's.
 */
import { z } from "zod";
import type { HrField } from "../../hr";
import { collectPages } from "../../net";
import type { HrVendorSource, PulledRecord } from "../record";
import { employmentTypeOf, statusOf } from "./vocabulary";

const limit = 100;

/** Canonical field ← dot path into an expanded worker, and the token scope that reads it. */
const wire = {
  employeeId: ["number", "workers.read"],
  firstName: ["user.name.given_name", "users.read"],
  lastName: ["user.name.family_name", "users.read"],
  preferredName: ["user.name.preferred_given_name", "users.read"],
  workEmail: ["work_email", "workers.read"],
  title: ["title", "workers.read"],
  department: ["department.name", "departments.read"],
  managerId: ["manager_id", "workers.read"],
  employmentType: ["employment_type.type", "employment-types.read"],
  status: ["status", "workers.read"],
  hireDate: ["start_date", "workers.read"],
  terminationDate: ["end_date", "workers.read"],
} as const satisfies Partial<Record<HrField, readonly [string, string]>>;

const Page = z.object({ results: z.array(z.record(z.string(), z.unknown())), next_link: z.string().nullish() });

export const rippling: HrVendorSource = {
  vendor: "rippling",
  changeField: "updated_at",
  permissions: Object.fromEntries(
    Object.entries(wire).map(([f, [path, scope]]) => [f, `give the API token the "${scope}" scope (it reads ${path})`]),
  ),
  async pull(connection, client) {
    const http = client({ authorization: `Bearer ${connection.credential}` });
    const workers = await collectPages("hr-rippling", async (cursor) => {
      const { body } = await http.request({
        method: "GET",
        path: "/workers",
        query: { limit, cursor, expand: "user,department,employment_type" },
      });
      const page = Page.parse(body);
      // next_link is a whole URL; its cursor is the opaque token for the walk.
      const next = page.next_link
        ? (new URL(page.next_link, connection.url).searchParams.get("cursor") ?? undefined)
        : undefined;
      return { items: page.results, next };
    });
    const numberOf = new Map(
      workers.map((w) => [String(w.id), w.number === undefined || w.number === null ? undefined : String(w.number)]),
    );
    return workers.map((worker) => toRecord(worker, numberOf, connection.today));
  },
};

function toRecord(
  worker: Record<string, unknown>,
  numberOf: Map<string, string | undefined>,
  today: string,
): PulledRecord {
  const values: PulledRecord["values"] = {};
  const unreadable: HrField[] = [];
  for (const [field, [path]] of Object.entries(wire) as Array<[HrField, readonly [string, string]]>) {
    const found = lookup(worker, path);
    if (!found.present) unreadable.push(field);
    else values[field] = found.value;
  }
  // manager_id is the manager's worker id; the export names managers by employee number.
  if (values.managerId !== undefined) values.managerId = numberOf.get(values.managerId) ?? values.managerId;
  values.employmentType = employmentTypeOf(values.employmentType);
  values.status = statusOf(values.status, { hireDate: values.hireDate, today });
  const updated = lookup(worker, "updated_at").value;
  return { values, unreadable, ...(updated ? { changedAt: updated } : {}) };
}

/** A dot path into the worker: absent when any step is missing (a null step means "no value"). */
function lookup(node: unknown, path: string): { present: boolean; value?: string } {
  for (const key of path.split(".")) {
    if (node === null) return { present: true };
    if (typeof node !== "object" || !(key in (node as object))) return { present: false };
    node = (node as Record<string, unknown>)[key];
  }
  return { present: true, value: node === null || node === undefined || node === "" ? undefined : String(node) };
}
