import { IdlcError, type Issue } from "../../errors";
import { lifecycleOf, type HrField } from "../../hr";
import type { LifecycleSettings, Person } from "../../hr/person";
import { checkPersonas } from "../checks/check-personas";
import { employmentTypeUnread } from "../checks/unread-fields";
import { fitPlanToApps, refusedValues } from "../resolve/fit-to-apps";
import type { AccessPlan } from "../plan/plan";
import { sortIssues } from "../plan/plan-issues";
import { resolve } from "../resolve/resolve";
import { loadStackAccess, type StackAccess, type StackFiles } from "./stack-access";

/**
 * The plan of a stack on `asOf`: its people, its role files and settings, lifecycle from hr's `lifecycleOf`;
 * every value as its app receives it (`fitPlanToApps`: a name an app cannot store is mapped, with a warning).
 * @param usernames names already handed out (`usernameLedger(previousPlan)`), kept as they are.
 */
export function planStack(
  people: readonly Person[],
  access: StackAccess,
  lifecycle: LifecycleSettings,
  asOf: string,
  usernames?: Record<string, string>,
): AccessPlan {
  const plan = resolve(
    people,
    access.catalog,
    {
      lifecycle: (p) => lifecycleOf(p, asOf, lifecycle),
      apps: access.apps,
      scimInstances: access.scimInstances,
      emailDomain: access.emailDomain,
      approvals: access.approvals,
      usernames,
    },
    asOf,
  );
  return fitPlanToApps({ ...plan, issues: sortIssues([...plan.issues, ...access.issues]) }, people, access.accepts);
}

/**
 * Everything `idlc validate` reports about access: the plan's issues (unknown roles, cycles, conflicts,
 * missing approvals, rules matching nobody), the stack's persona tests, and rules deciding on a field the export
 * does not have.
 * @param hrFields the canonical fields the HR export provides (`readHrExport`'s `fields`).
 */
export function accessIssues(plan: AccessPlan, access: StackAccess, hrFields: readonly HrField[]): Issue[] {
  return [
    ...plan.issues,
    ...(access.personas ? checkPersonas(plan, access.personas) : []),
    ...employmentTypeUnread(access.catalog.rules, hrFields),
  ];
}

/** What `checkStackAccess` needs of a stack: `loadStackSettings`'s result fits. */
export interface StackLike {
  stackDir: string;
  raw: Record<string, unknown>;
  settings: { hr?: { file: string }; lifecycle: LifecycleSettings };
}

/**
 * The access half of `idlc validate`: loads the stack's roles, plans its people on `asOf`, checks personas, and
 * reports every value an app would refuse (an error for that person and app) or gets mapped (a warning).
 * A role file that cannot be read becomes one error issue, so validate still reports everything else.
 * @example extraChecks.push(({ people, fields, asOf, stack }) => (stack ? checkStackAccess(people, fields, asOf, stack, diskFiles) : []));
 */
export function checkStackAccess(
  people: readonly Person[],
  hrFields: readonly HrField[],
  asOf: string,
  stack: StackLike,
  files: StackFiles,
): Issue[] {
  let access: StackAccess;
  try {
    access = loadStackAccess(stack.raw, stack.stackDir, files, stack.settings.hr?.file);
  } catch (err) {
    if (!(err instanceof IdlcError)) throw err;
    const { file, row } = err.context;
    return [
      {
        severity: "error",
        code: err.code,
        message: err.message,
        fix: err.fix,
        file: typeof file === "string" ? file : undefined,
        row: typeof row === "number" ? row : undefined,
      },
    ];
  }
  const plan = planStack(people, access, stack.settings.lifecycle, asOf);
  return [...accessIssues(plan, access, hrFields), ...refusedValues(plan, people, access.accepts)];
}
