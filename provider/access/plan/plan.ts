import { z } from "zod";
import { EmploymentType, IsoDate, LifecycleState } from "../../hr/person";
import { AccountSpec, AppName, GroupSpec } from "../account-spec";
import { canonicalJson } from "./canonical-json";

export const IssueSchema = z.object({
  severity: z.enum(["error", "warning"]),
  code: z.string(),
  message: z.string(),
  fix: z.string().optional(),
  file: z.string().optional(),
  row: z.number().optional(),
  column: z.string().optional(),
});

/** A role a person holds on the plan's date and why: `rule:<id>`, `hr`, `grant:<until>`, or `role:<id>` (inherited). */
export const RoleHolding = z.object({ id: z.string(), via: z.array(z.string()) });
export type RoleHolding = z.infer<typeof RoleHolding>;

export const AccountEntry = z.object({ app: AppName, spec: AccountSpec });
export type AccountEntry = z.infer<typeof AccountEntry>;

export const GroupEntrySchema = z.object({ app: AppName, spec: GroupSpec });

/** One person on the plan's date; `accounts` is empty when they are out of the program (`not-yet`, `removed`). */
export const PersonPlan = z.object({
  employeeId: z.string(),
  displayName: z.string(),
  lifecycle: LifecycleState,
  employmentType: EmploymentType,
  title: z.string().optional(),
  department: z.string().optional(),
  location: z.string().optional(),
  managerEmployeeId: z.string().optional(),
  hireDate: IsoDate.optional(),
  terminationDate: IsoDate.optional(),
  roles: z.array(RoleHolding),
  accounts: z.array(AccountEntry),
});
export type PersonPlan = z.infer<typeof PersonPlan>;

/**
 * Who should have which account, groups, admin right and license in every app on `asOf`: what the stack turns
 * into resources, policies check, and `diffPlans` compares. People sorted by employee id, accounts by app.
 * A plan is an immutable value: equal parts (grants, group lists, role holdings) are shared between people, so
 * copy a part before changing it.
 */
export const AccessPlan = z.object({
  asOf: IsoDate,
  people: z.array(PersonPlan),
  groups: z.array(GroupEntrySchema),
  issues: z.array(IssueSchema),
});
export type AccessPlan = z.infer<typeof AccessPlan>;

/**
 * The plan as canonical JSON: compact, keys sorted at every level, one final newline; equal plans, equal bytes.
 * A 100,000-person plan is larger than the biggest string V8 allows: write `planChunks` to a stream instead.
 */
export function serializePlan(plan: AccessPlan): string {
  return [...planChunks(plan)].join("");
}

/** `serializePlan`'s bytes in pieces, one person per piece, for writing big plans to a file or stream. */
export function* planChunks(plan: AccessPlan): Generator<string> {
  const { people, ...rest } = plan;
  const head = canonicalJson(rest);
  // Keys sort as asOf, groups, issues, people: people come last, so the head is the object minus its closing brace.
  yield `${head.slice(0, -1)}${head.length > 2 ? "," : ""}"people":[`;
  for (let i = 0; i < people.length; i++) yield (i === 0 ? "" : ",") + canonicalJson(people[i]);
  yield "]}\n";
}

/**
 * employee id → userName of everyone holding an account: the ledger `resolve` keeps names stable with. Pass the
 * ledger kept so far as `base` so that names of people who left stay reserved.
 */
export function usernameLedger(plan: AccessPlan, base: Readonly<Record<string, string>> = {}): Record<string, string> {
  const ledger: Record<string, string> = { ...base };
  for (const person of plan.people) {
    const first = person.accounts[0];
    if (first) ledger[person.employeeId] = first.spec.userName;
  }
  return ledger;
}
