import type { Issue } from "../../errors";
import type { LifecycleState, Person } from "../../hr/person";
import { AppName, type AccountSpec, type Approval } from "../account-spec";
import { approvalIndex } from "../checks/approvals";
import { assignRoles, rolesOf, type DirectRoles } from "./assign";
import { appCoverageIssues, approvalIssues, sortIssues } from "../plan/plan-issues";
import { EntitlementTable, type AppAccess } from "../roles/entitlements";
import { AccessCode, accessIssue } from "../errors";
import type { AccessPlan, PersonPlan, RoleHolding } from "../plan/plan";
import type { ResolveOptions } from "./resolve-options";
import type { Catalog } from "../roles/role-catalog";
import { holdings, roleSetFacts, type RoleSetFacts } from "../roles/role-sets";
import { allocateIdentities, type Identity } from "./usernames";

const outOfProgram: ReadonlySet<LifecycleState> = new Set(["not-yet", "removed"]);

/**
 * Decides every account of every person on `asOf`: which apps, groups, admin right and license, enabled or not,
 * and why (grants, approvals). Pure and deterministic: same inputs, byte-identical `serializePlan` output.
 * @param asOf the plan's date, `yyyy-MM-dd`: expiries, approvals and lifecycle are judged on it.
 * @example resolve(people, buildCatalog([parseRolesYaml(text, "roles.yaml")]), { lifecycle: (p) => lifecycleOf(p, asOf, settings) }, "2026-03-01")
 */
export function resolve(
  people: readonly Person[],
  catalog: Catalog,
  options: ResolveOptions,
  asOf: string,
): AccessPlan {
  const issues: Issue[] = [...catalog.issues];
  const apps = new Set(options.apps ?? AppName.options);
  issues.push(...appCoverageIssues(catalog, apps, options.scimInstances));
  const unique = uniquePeople(people, issues);
  const lifecycle = new Map(unique.map((p) => [p.employeeId, options.lifecycle(p)]));
  const inProgram = unique.filter((p) => !outOfProgram.has(lifecycle.get(p.employeeId)!));
  const assigned = assignRoles(inProgram, unique, catalog, asOf);
  const named = allocateIdentities(inProgram, { emailDomain: options.emailDomain, ledger: options.usernames });
  issues.push(
    ...assigned.issues,
    ...named.issues,
    ...approvalIssues(options.approvals ?? [], catalog, new Set(lifecycle.keys())),
  );
  const context: PersonContext = {
    catalog,
    table: new EntitlementTable(catalog, apps, issues),
    approvals: approvalIndex(options.approvals ?? [], asOf),
    roleSets: new Map(),
    given: new Map(),
    issues,
  };
  const planned = unique.map((person) => {
    const state = lifecycle.get(person.employeeId)!;
    const direct = assigned.byPerson.get(person.employeeId);
    const identity = named.identities.get(person.employeeId);
    return planPerson(person, state, direct, identity, context);
  });
  planned.sort((a, b) => (a.employeeId < b.employeeId ? -1 : 1));
  return { asOf, people: planned, groups: context.table.groups, issues: sortIssues(issues) };
}

interface PersonContext {
  catalog: Catalog;
  table: EntitlementTable;
  approvals: Map<string, Map<string, Approval[]>>;
  /** direct role key → what that role set implies, memoised like the entitlement table. */
  roleSets: Map<string, RoleSetFacts>;
  /** roles given with their reasons (`DirectRoles.given`, joined) → role set facts and the person's holdings. */
  given: Map<string, { facts: RoleSetFacts; holdings: RoleHolding[] }>;
  issues: Issue[];
}

function planPerson(
  person: Person,
  lifecycle: LifecycleState,
  direct: DirectRoles | undefined,
  identity: Identity | undefined,
  ctx: PersonContext,
): PersonPlan {
  const plan: PersonPlan = {
    employeeId: person.employeeId,
    displayName: person.displayName,
    lifecycle,
    employmentType: person.employmentType,
    title: person.title,
    department: person.department,
    location: person.location,
    managerEmployeeId: person.managerId,
    hireDate: person.hireDate,
    terminationDate: person.terminationDate,
    roles: [],
    accounts: [],
  };
  if (!direct) return plan;
  // People given the same roles for the same reasons share one role set and one holdings list (plans are immutable).
  const why = direct.given.join(",");
  let known = ctx.given.get(why);
  if (!known) {
    const directIds = rolesOf(direct);
    const key = directIds.join(",");
    const facts = ctx.roleSets.get(key) ?? ctx.roleSets.set(key, roleSetFacts(directIds, ctx.catalog)).get(key)!;
    ctx.given.set(why, (known = { facts, holdings: holdings(facts.effective, directIds, direct, ctx.catalog) }));
  }
  const { facts } = known;
  plan.roles = known.holdings;
  for (const [a, b] of facts.conflicts) {
    ctx.issues.push(
      accessIssue(
        "error",
        AccessCode.sodConflict,
        `${person.employeeId} (${person.displayName}) would hold conflicting roles '${a}' and '${b}'`,
        `remove one of the two roles from ${person.employeeId}: separation of duties forbids holding both`,
        { ...person.source, column: "roles" },
      ),
    );
  }
  const approvals = facts.needApproval.length === 0 ? noneRecorded : approvalsFor(person, facts, lifecycle, ctx);
  if (!identity) return plan;
  for (const access of ctx.table.accessFor(facts.effective, lifecycle === "terminated")) {
    plan.accounts.push({
      app: access.app,
      spec: accountSpec(person, lifecycle, identity, access, approvals, direct, ctx.catalog),
    });
  }
  return plan;
}

/** Approvals per role that needs one; a missing approval is an error (fail closed), except for leavers. */
function approvalsFor(
  person: Person,
  { effective, needApproval }: RoleSetFacts,
  lifecycle: LifecycleState,
  ctx: PersonContext,
): ReadonlyMap<string, Approval[]> {
  const recorded = ctx.approvals.get(person.employeeId) ?? noneRecorded;
  const byRole = new Map<string, Approval[]>();
  for (const id of needApproval) {
    // An approval of a role that inherits this one covers it too.
    const covering = effective
      .filter((q) => ctx.catalog.closure.get(q)!.includes(id))
      .flatMap((q) => recorded.get(q) ?? []);
    byRole.set(id, covering);
    if (covering.length === 0 && lifecycle !== "terminated") {
      ctx.issues.push(
        accessIssue(
          "error",
          AccessCode.approvalMissing,
          `${person.employeeId} (${person.displayName}) holds '${id}', which requires approval, but no approval is recorded`,
          `add an approval for ${person.employeeId} and '${id}' to the approvals file, or remove the role`,
          { ...person.source, column: "roles" },
        ),
      );
    }
  }
  return byRole;
}

/** Runs once per account (500,000 times for a large org): the common case, no expiry and no approval, allocates nothing extra. */
function accountSpec(
  person: Person,
  lifecycle: LifecycleState,
  identity: Identity,
  access: AppAccess,
  approvals: ReadonlyMap<string, Approval[]>,
  direct: DirectRoles,
  catalog: Catalog,
): AccountSpec {
  const reaches = (id: string) => catalog.closure.get(id)!.some((r) => access.roleIds.includes(r));
  let endDate = person.endDate;
  if (direct.expires)
    for (const [id, until] of direct.expires)
      if ((endDate === undefined || until < endDate) && reaches(id)) endDate = until;
  const spec: AccountSpec = {
    employeeId: person.employeeId,
    instance: access.instance,
    userName: identity.userName,
    email: identity.email,
    givenName: person.preferredName ?? person.firstName,
    familyName: person.lastName,
    displayName: person.displayName,
    title: person.title,
    department: person.department,
    costCenter: person.costCenter,
    location: person.location,
    managerEmployeeId: person.managerId,
    employmentType: person.employmentType,
    enabled: lifecycle === "active",
    lifecycle,
    lifecycleSince: lifecycleSince(person, lifecycle),
    groups: access.groups,
    admin: access.admin,
    license: access.license,
    grants: access.grants,
    // Each approval is recorded against the role it covers, which is what the account's grants name (policies match on it).
    approvals:
      approvals.size === 0
        ? noApprovals
        : [...approvals]
            .filter(([id]) => reaches(id))
            .flatMap(([id, list]) => list.map((a) => (a.roleId === id ? a : { ...a, roleId: id })))
            .sort(byApproval),
    endDate,
  };
  return spec;
}

/** The day the person's current state began, where HR says (the deprovisioning budget and audit metrics read it). */
function lifecycleSince(person: Person, lifecycle: LifecycleState): string | undefined {
  if (lifecycle === "active") return person.hireDate;
  if (lifecycle !== "terminated") return undefined;
  const { terminationDate: t, endDate: e } = person;
  return t !== undefined && e !== undefined ? (t < e ? t : e) : (t ?? e);
}

const noApprovals: Approval[] = Object.freeze([]) as unknown as Approval[];
const noneRecorded: ReadonlyMap<string, Approval[]> = new Map();
const byApproval = (a: Approval, b: Approval) =>
  [a.roleId, a.date, a.ticket, a.approver]
    .join("\0")
    .localeCompare([b.roleId, b.date, b.ticket, b.approver].join("\0"));

function uniquePeople(people: readonly Person[], issues: Issue[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    if (!seen.has(p.employeeId)) return seen.add(p.employeeId);
    issues.push(
      accessIssue(
        "error",
        AccessCode.personDuplicate,
        `employee id ${p.employeeId} appears twice; the second row is ignored`,
        "give every person one row",
        p.source,
      ),
    );
    return false;
  });
}
