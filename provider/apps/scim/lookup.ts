import { scimAnyOf, scimEq, type ScimClient, type ScimUser } from "./client";
import type { ScimConnection } from "./connection";
import { syncMembership, type Membership } from "./membership";
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
 * Moves a user from the groups it is in to `spec.groups` (scim/membership.ts). A group is the one whose
 * `externalId` is its name (what the group provider sets), else one made by hand with that `displayName`. Returns
 * the SCIM ids of `spec.groups`.
 */
export function syncGroups(
  connection: ScimConnection,
  spec: ScimAccountInputs,
  userId: string,
  current: Membership,
): Promise<Record<string, string>> {
  const { client, groupIds } = connection;
  return syncMembership(client, userId, spec.groups, current, {
    filter: (names) => scimAnyOf(names.flatMap((n) => [scimEq("externalId", n), scimEq("displayName", n)])),
    pick: (found, name) => found.find((g) => g.externalId === name) ?? found.find((g) => g.displayName === name),
    missing: (name) => new ScimGroupMissingError(spec.instance, name, spec.employeeId),
    known: groupIds,
    beforeChange: async () => {
      if (!(await client.features()).patch) throw new ScimPatchUnsupportedError(spec.instance, spec.employeeId);
    },
  });
}
