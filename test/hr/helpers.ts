import path from "node:path";
import { readHrExport, type ReadHrExportOptions } from "../../provider/hr";

export const fixtures = path.join(__dirname, "..", "fixtures", "hr");

/** A small, valid generic export; tests change one row or one cell to provoke exactly one problem. */
export const header =
  "employee_id,first_name,last_name,work_email,department,manager_id,employment_type,status,hire_date,termination_date,end_date";
export const happyRows = [
  "E1,Ada,Lovelace,ada@acme.test,Engineering,,employee,active,2020-01-15,,",
  "E2,Alan,Turing,alan@acme.test,Engineering,E1,employee,active,2021-02-01,,",
  "E3,Grace,Hopper,grace@acme.test,Sales,E1,contractor,active,2022-03-01,,2027-01-31",
];

/** Reads a generic export built from `rows` (header first unless given). */
export function readRows(rows: string[], options: Partial<ReadHrExportOptions> = {}, head = header) {
  return readHrExport({ file: "people.csv", text: [head, ...rows].join("\n"), ...options });
}

export function errorsOf(result: ReturnType<typeof readHrExport>) {
  return result.issues.filter((i) => i.severity === "error");
}
