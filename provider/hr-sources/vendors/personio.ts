/**
 * Personio v1: `POST /v1/auth?client_id&client_secret` → a bearer token, then `GET /v1/company/employees` with
 * `limit` ≤ 100 and `offset` (mandatory since 2025-01-31), 300 requests/min with bursts of 15/s. Every attribute
 * is `{label, value, type}`; one not whitelisted as readable for the credential is absent. The walk must reach
 * `metadata.total_elements`: a page that ends early is an incomplete pull, never a smaller company.
 */
import { z } from "zod";
import type { HrField } from "../../hr";
import { collectPages, createPacer } from "../../net";
import { HrPullError } from "../errors";
import { credentialPair, type HrVendorSource, type PulledRecord } from "../record";
import { employmentTypeOf, statusOf } from "./vocabulary";

const limit = 100;

/** Canonical field ← Personio attribute (employeeId comes from `employeeIdAttribute`). */
const wire = {
  firstName: "first_name",
  lastName: "last_name",
  preferredName: "preferred_name",
  workEmail: "email",
  title: "position",
  department: "department",
  location: "office",
  managerId: "supervisor",
  employmentType: "employment_type",
  status: "status",
  hireDate: "hire_date",
  terminationDate: "termination_date",
  endDate: "contract_end_date",
} as const satisfies Partial<Record<HrField, string>>;

type Attributes = Record<string, { value?: unknown } | undefined>;
const Auth = z.object({ data: z.object({ token: z.string().min(1) }) });
const Page = z.object({
  metadata: z.object({ total_elements: z.number().int() }).loose(),
  data: z.array(z.object({ attributes: z.record(z.string(), z.object({ value: z.unknown() }).loose()) })),
});

const grant = (attribute: string) =>
  `whitelist the "${attribute}" attribute as readable for the API credential ` +
  "(Settings → Integrations → API credentials)";

export const personio: HrVendorSource = {
  vendor: "personio",
  changeField: "last_modified_at",
  permissions: { ...Object.fromEntries(Object.entries(wire).map(([f, w]) => [f, grant(w)])), employeeId: grant("id") },
  async pull(connection, client) {
    const [clientId, clientSecret] = credentialPair("personio", connection.credential, "CLIENT_ID:CLIENT_SECRET");
    const auth = client({});
    const { body: authBody } = await auth.request({
      method: "POST",
      path: "/v1/auth",
      query: { client_id: clientId, client_secret: clientSecret },
    });
    const token = Auth.parse(authBody).data.token;
    // A token bucket lets `burst + rate·window` through in any window; Personio counts sliding windows, so
    // 10 + 290/min stays within both 15 in any second (10 + 4.8) and 300 in any minute (10 + 290).
    const pacer = createPacer({ perMinute: 290, burst: 10 });
    const http = client({ authorization: `Bearer ${token}`, pacer: [{ pacer }] });
    let total = 0;
    const rows = await collectPages("hr-personio", async (offset) => {
      const at = Number(offset ?? 0);
      const { body } = await http.request({
        method: "GET",
        path: "/v1/company/employees",
        query: { limit, offset: at },
      });
      const page = Page.parse(body);
      total = page.metadata.total_elements;
      // Offsets advance by what came back: a server that serves fewer than `limit` is still walked to the end.
      const next = page.data.length > 0 && at + page.data.length < total ? String(at + page.data.length) : undefined;
      return { items: page.data.map((d) => d.attributes as Attributes), next };
    });
    if (rows.length !== total) {
      throw new HrPullError(
        "HR_PULL_PAGING",
        `personio: paging ended after ${rows.length} of ${total} employees`,
        "Run the pull again; if it persists, Personio's paging is failing: nothing was written.",
        { app: "hr-personio" },
      );
    }
    const idAttribute = connection.options.employeeIdAttribute ?? "id";
    const numberOf = new Map(rows.map((a) => [String(a.id?.value), text(a[idAttribute]?.value)]));
    return rows.map((attributes) => toRecord(attributes, idAttribute, numberOf, connection.today));
  },
};

function toRecord(
  a: Attributes,
  idAttribute: string,
  numberOf: Map<string, string | undefined>,
  today: string,
): PulledRecord {
  const values: PulledRecord["values"] = {};
  const unreadable: HrField[] = [];
  for (const [field, name] of [["employeeId", idAttribute], ...Object.entries(wire)] as Array<[HrField, string]>) {
    if (a[name] === undefined) unreadable.push(field);
    else values[field] = text(a[name]!.value);
  }
  // Supervisor and department are nested objects: `{type: "Employee", attributes: {id: {value}}}`.
  const supervisor = a.supervisor?.value as { attributes?: Attributes } | null | undefined;
  values.managerId = supervisor?.attributes ? numberOf.get(String(supervisor.attributes.id?.value)) : undefined;
  const department = a.department?.value as { attributes?: { name?: unknown } } | null | undefined;
  values.department = department?.attributes ? text(department.attributes.name) : undefined;
  const office = a.office?.value as { attributes?: { name?: unknown } } | null | undefined;
  values.location = office?.attributes ? text(office.attributes.name) : undefined;
  values.employmentType = employmentTypeOf(values.employmentType);
  values.status = statusOf(values.status, { hireDate: values.hireDate, today });
  for (const date of ["hireDate", "terminationDate", "endDate"] as const) values[date] = values[date]?.slice(0, 10);
  const modified = text(a.last_modified_at?.value);
  return { values, unreadable, ...(modified ? { changedAt: modified } : {}) };
}

function text(value: unknown): string | undefined {
  return value === null || value === undefined || value === "" ? undefined : String(value);
}
