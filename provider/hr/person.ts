import { z } from "zod";

/** The HR status vocabulary every vendor's values are normalised to. */
export const HrStatus = z.enum(["active", "leave", "terminated", "pre-hire"]);
export type HrStatus = z.infer<typeof HrStatus>;

export const EmploymentType = z.enum(["employee", "contractor", "intern", "other"]);
export type EmploymentType = z.infer<typeof EmploymentType>;

/** An ISO calendar date, `yyyy-MM-dd`; HR dates carry no time of day. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected yyyy-MM-dd");
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * One person from an HR export, after column mapping and normalisation: the boundary type between `hr/`
 * and everything after it. Strings are trimmed; emails are lower-cased; absent values are `undefined`.
 */
export const Person = z.object({
  employeeId: z.string().min(1),
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  preferredName: z.string().optional(),
  /** `preferredName ?? firstName` + `lastName`, as HR shows it. */
  displayName: z.string().min(1),
  workEmail: z.string().email().optional(),
  personalEmail: z.string().optional(),
  title: z.string().optional(),
  department: z.string().optional(),
  division: z.string().optional(),
  location: z.string().optional(),
  costCenter: z.string().optional(),
  managerId: z.string().optional(),
  employmentType: EmploymentType,
  status: HrStatus,
  hireDate: IsoDate.optional(),
  terminationDate: IsoDate.optional(),
  /** Contract end for contractors and interns. */
  endDate: IsoDate.optional(),
  /** Explicit role ids from the export's roles column (e.g. `payments-approver;oncall`). */
  roles: z.array(z.string()),
  /** Where the person came from, for error messages downstream. */
  source: z.object({ file: z.string(), row: z.number().int().positive() }),
});
export type Person = z.infer<typeof Person>;

/**
 * Where a person stands on a given day (see `lifecycle.ts`):
 * - `not-yet`: hire date further ahead than `preHireDays` — no accounts yet;
 * - `pre-hire`: inside `preHireDays` — accounts prepared but disabled;
 * - `active`; `leave`: accounts suspended;
 * - `terminated`: from the termination date until `retentionDays` after it — accounts disabled;
 * - `removed`: past retention — the person leaves the program and accounts are deleted.
 */
export const LifecycleState = z.enum(["not-yet", "pre-hire", "active", "leave", "terminated", "removed"]);
export type LifecycleState = z.infer<typeof LifecycleState>;

export const LifecycleSettings = z.object({
  preHireDays: z.number().int().min(0).default(7),
  retentionDays: z.number().int().min(0).default(30),
});
export type LifecycleSettings = z.infer<typeof LifecycleSettings>;
