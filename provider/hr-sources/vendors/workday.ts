/**
 * Workday Reports-as-a-Service: one `GET <report URL>?format=json` of an Advanced custom report enabled as a web
 * service (data source "All Active and Terminated Workers"), as an Integration System User over HTTP Basic. No
 * paging: the whole report at once, as `{Report_Entry: [...]}` keyed by the report's column aliases (docs/HR.md
 * lists the aliases idlc reads). RaaS leaves an empty value out of an entry, so a column is only "unreadable" when
 * no one has it (the ISU's security group cannot see it, or the report lacks it) and it is one everyone or nearly
 * everyone has, or when an always-set one is missing for someone.
 */
import { z } from "zod";
import type { HrField } from "../../hr";
import { basic, credentialPair, type HrVendorSource, type PulledRecord } from "../record";
import { employmentTypeOf, statusOf } from "./vocabulary";

/** Canonical field ← report column alias. */
const wire = {
  employeeId: "Employee_ID",
  firstName: "Legal_First_Name",
  lastName: "Legal_Last_Name",
  preferredName: "Preferred_First_Name",
  workEmail: "Email_Primary_Work",
  title: "Business_Title",
  department: "Supervisory_Organization",
  location: "Location",
  managerId: "Manager_ID",
  employmentType: "Worker_Type",
  status: "Active_Status",
  hireDate: "Hire_Date",
  terminationDate: "Termination_Date",
  endDate: "End_Employment_Date",
} as const satisfies Partial<Record<HrField, string>>;

/** Columns every worker has a value in; missing for one person means the ISU could not read it for them. */
const alwaysSet = new Set<HrField>(["employeeId", "firstName", "lastName", "employmentType", "status", "hireDate"]);
/**
 * Columns a whole company may have no value in (no preferred names, no leavers in a filtered report, no contracts
 * ending): their absence from every row says nothing. Every other column missing from every row is unreadable.
 */
const oftenEmpty = new Set<HrField>(["preferredName", "terminationDate", "endDate"]);

const Report = z.object({ Report_Entry: z.array(z.record(z.string(), z.unknown())) });

export const workday: HrVendorSource = {
  vendor: "workday",
  changeField: "Last_Functionally_Updated",
  permissions: Object.fromEntries(
    Object.entries(wire).map(([f, column]) => [
      f,
      `add the column ${column} to the report and give the ISU's security group Get access to the domain that ` +
        `holds it (e.g. Worker Data: Public Worker Reports), then Activate Pending Security Policy Changes`,
    ]),
  ),
  async pull(connection, client) {
    const [user, password] = credentialPair("workday", connection.credential, "ISU_USERNAME:PASSWORD");
    const http = client({ authorization: basic(user, password) });
    const { body } = await http.request({ method: "GET", path: "", query: { format: "json" } });
    const entries = Report.parse(body).Report_Entry;
    const seen = new Set(entries.flatMap((entry) => Object.keys(entry)));
    return entries.map((entry) => toRecord(entry, seen, connection.today));
  },
};

function toRecord(entry: Record<string, unknown>, seen: Set<string>, today: string): PulledRecord {
  const values: PulledRecord["values"] = {};
  const unreadable: HrField[] = [];
  for (const [field, column] of Object.entries(wire) as Array<[HrField, string]>) {
    const missingForAll = !seen.has(column) && !oftenEmpty.has(field);
    if (missingForAll || (alwaysSet.has(field) && !(column in entry))) unreadable.push(field);
    else values[field] = text(entry[column]);
  }
  // RaaS dates carry the tenant's offset (`2019-03-04-08:00`); HR dates are days.
  for (const date of ["hireDate", "terminationDate", "endDate"] as const) values[date] = values[date]?.slice(0, 10);
  const active = values.status;
  values.status =
    active === undefined
      ? undefined
      : statusOf(active === "1" ? "active" : active === "0" ? "inactive" : active, {
          hireDate: values.hireDate,
          today,
          detail: text(entry.On_Leave) === "1" ? "leave" : undefined,
        });
  values.employmentType = employmentTypeOf(values.employmentType);
  const updated = text(entry.Last_Functionally_Updated);
  return { values, unreadable, ...(updated ? { changedAt: updated } : {}) };
}

function text(value: unknown): string | undefined {
  return value === null || value === undefined || value === "" ? undefined : String(value);
}
