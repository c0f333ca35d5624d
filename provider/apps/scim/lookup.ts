import { HttpError } from "../../net";
import { scimAnyOf, scimEq, type ScimClient, type ScimUser } from "./client";
import { ScimGroupMissingError, ScimPatchUnsupportedError, ScimUserNameTakenError } from "./errors";
import type { ScimAccountInputs } from "./mapping";

/**
 * The account to adopt among lookup results: the one holding the employee id, else the one with the userName
 * (compared without case) — unless it belongs to another employee, which is a clear error, never a takeover.
 */
export function pickExisting(found: ScimUser[], spec: ScimAccountInputs): ScimUser | undefined {
  const byId = found.find((u) => u.externalId === spec.employeeId);
  if (byId) return byId;
  const byName = found.find((u) => u.userName.toLowerCase() === spec.userName.toLowerCase());
  if (byName?.externalId && byName.externalId !== spec.employeeId) {
    throw new ScimUserNameTakenError(spec.instance, spec.userName, byName.externalId, spec.employeeId);
  }
  return byName;
}

/** One query finding the account by employee id or userName, and the manager's account, at once. */
export async function lookupAccount(
  client: ScimClient,
  spec: ScimAccountInputs,
): Promise<{ existing?: ScimUser; managerScimId?: string }> {
  const conditions = [scimEq("externalId", spec.employeeId), scimEq("userName", spec.userName)];
  if (spec.managerEmployeeId) conditions.push(scimEq("externalId", spec.managerEmployeeId));
  const found = await client.users.find(scimAnyOf(conditions));
  const manager = spec.managerEmployeeId ? found.find((u) => u.externalId === spec.managerEmployeeId) : undefined;
  return {
    existing: pickExisting(
      found.filter((u) => u !== manager),
      spec,
    ),
    managerScimId: manager?.id,
  };
}

export async function findManager(
  client: ScimClient,
  managerEmployeeId: string | undefined,
): Promise<string | undefined> {
  if (!managerEmployeeId) return undefined;
  return (await client.users.find(scimEq("externalId", managerEmployeeId)))[0]?.id;
}

/**
 * Moves a user from the groups it is in to `spec.groups` by PATCH add/remove of its own member entry only (never a
 * PUT of all members, which races other writers). Returns the SCIM ids of `spec.groups`.
 */
export async function syncGroups(
  client: ScimClient,
  spec: ScimAccountInputs,
  userId: string,
  current: { names: string[]; ids: Record<string, string>; memberOf?: Set<string> },
): Promise<Record<string, string>> {
  const adds = spec.groups.filter((g) => !current.names.includes(g));
  const removes = current.names.filter((g) => !spec.groups.includes(g));
  const ids: Record<string, string> = { ...current.ids };
  if (adds.length === 0 && removes.length === 0) return pickIds(ids, spec.groups);
  if (!(await client.features()).patch) throw new ScimPatchUnsupportedError(spec.instance, spec.employeeId);
  const unknown = [...adds, ...removes].filter((name) => !ids[name]);
  if (unknown.length) {
    const found = await client.groups.find(
      scimAnyOf(unknown.flatMap((n) => [scimEq("externalId", n), scimEq("displayName", n)])),
    );
    for (const name of unknown) {
      const group = found.find((g) => g.externalId === name) ?? found.find((g) => g.displayName === name);
      if (group) ids[name] = group.id;
    }
  }
  for (const name of adds) {
    if (!ids[name]) throw new ScimGroupMissingError(spec.instance, name, spec.employeeId);
    if (current.memberOf?.has(ids[name]!)) continue;
    await client.groups.patch(ids[name]!, [{ op: "add", path: "members", value: [{ value: userId }] }]);
  }
  for (const name of removes) {
    if (!ids[name]) continue; // the group itself is gone, and the membership with it
    await ignoreNotFound(
      client.groups.patch(ids[name]!, [{ op: "remove", path: `members[value eq ${JSON.stringify(userId)}]` }]),
    );
  }
  return pickIds(ids, spec.groups);
}

export async function ignoreNotFound<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof HttpError && err.kind === "not-found") return undefined;
    throw err;
  }
}

function pickIds(ids: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => ids[n]).map((n) => [n, ids[n]!]));
}
