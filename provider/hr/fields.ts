import { z } from "zod";

/**
 * The canonical columns an export is mapped to. `managerId` holds the raw manager reference (employee id,
 * email or name), resolved to an employee id after every row is read.
 */
export const HrField = z.enum([
  "employeeId",
  "firstName",
  "lastName",
  "preferredName",
  "workEmail",
  "personalEmail",
  "title",
  "department",
  "division",
  "location",
  "costCenter",
  "managerId",
  "employmentType",
  "status",
  "hireDate",
  "terminationDate",
  "endDate",
  "roles",
]);
export type HrField = z.infer<typeof HrField>;

/** Columns without which no row can be trusted: identity, name, and whether the person still works here. */
export const requiredFields: readonly HrField[] = ["employeeId", "firstName", "lastName", "status"];

export const dateFields = ["hireDate", "terminationDate", "endDate"] as const satisfies readonly HrField[];

/** Header comparison ignores case, spaces and punctuation: `Work E-Mail` matches `work_email`. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}#]/gu, "");
}
