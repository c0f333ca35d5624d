import { HttpError } from "../../net";
import { generatePassword } from "../shared";
import {
  entraUserBody,
  observedSpec,
  recentlyCreated,
  upnOf,
  type EntraAccountInputs,
  type EntraAccountOutputs,
} from "./account-mapping";
import { LAG_MS, type EntraUser } from "./client";
import { EntraAccountActiveError, EntraGroupMissingError } from "./errors";
import { applyMembership, type MembershipChange } from "./membership";
import { groupIdFor, type EntraSession } from "./session";

async function byEmployeeId(s: EntraSession, employeeId: string): Promise<EntraUser | undefined> {
  return s.users.peek(`eid:${employeeId}`) ?? (await s.client.findUserByEmployeeId(employeeId));
}

/** Group names the account belongs in, the admin group included when the spec is an admin. */
function wantedGroups(s: EntraSession, spec: EntraAccountInputs): string[] {
  return [...spec.groups, ...(spec.admin && s.settings.adminGroup ? [s.settings.adminGroup] : [])];
}

async function syncGroups(
  s: EntraSession,
  spec: EntraAccountInputs,
  userId: string,
  want: string[],
  had: string[],
): Promise<void> {
  const changes: MembershipChange[] = [];
  for (const [names, op] of [
    [want.filter((g) => !had.includes(g)), "add"],
    [had.filter((g) => !want.includes(g)), "remove"],
  ] as const) {
    for (const name of names) {
      const groupId = await groupIdFor(s, name);
      if (groupId) changes.push({ op, groupId, memberId: userId });
      else if (op === "add") throw new EntraGroupMissingError(spec.employeeId, name);
    }
  }
  await applyMembership(s.client, changes);
  for (const c of changes) await s.members.changed(c.groupId, userId, c.op === "add");
}

/**
 * Points the manager `$ref` at the manager's object; answers the manager's employee id when set. The link never
 * fails the person's own change (DESIGN.md §4.11): a manager with no account yet, or a `$ref` the API refuses (other
 * than for the credential), leaves it unset, and the next run's diff sees that and tries again.
 */
async function syncManager(
  s: EntraSession,
  spec: EntraAccountInputs,
  userId: string,
  hadManager: boolean,
): Promise<string | undefined> {
  const manager = spec.managerEmployeeId ? await byEmployeeId(s, spec.managerEmployeeId) : undefined;
  if (!manager) {
    if (hadManager) await s.client.removeManager(userId);
    return undefined;
  }
  try {
    await s.client.setManager(userId, manager.id);
    return spec.managerEmployeeId;
  } catch (err) {
    if (err instanceof HttpError && err.status !== 401 && err.status !== 403) return undefined;
    throw err;
  }
}

function outputs(
  spec: EntraAccountInputs,
  user: { id: string },
  upn: string,
  extra: { manager?: string; initialPassword?: string; adopted: boolean; createdAt?: string },
): EntraAccountOutputs {
  const { initialPassword, createdAt } = extra;
  return {
    ...spec,
    managerEmployeeId: extra.manager,
    entraId: user.id,
    userPrincipalName: upn,
    adopted: extra.adopted,
    ...(initialPassword ? { initialPassword } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
}

/**
 * Create that adopts (employee id, then UPN). A POST whose answer was lost surfaces as 400 ObjectConflict on the
 * retry; the user found then is ours when created after this call began, so the password we sent is its own.
 */
export async function createAccount(s: EntraSession, spec: EntraAccountInputs): Promise<EntraAccountOutputs> {
  const started = Date.now();
  const upn = upnOf(spec, s.settings.domain);
  const body = entraUserBody(spec, upn);
  let user = (await byEmployeeId(s, spec.employeeId)) ?? (await s.client.getUser(upn));
  let adopted = user !== undefined;
  let initialPassword: string | undefined;
  if (!user) {
    const password = generatePassword();
    try {
      user = await s.client.createUser({ ...body, passwordProfile: { password, forceChangePasswordNextSignIn: true } });
      initialPassword = password;
    } catch (error) {
      const conflict = error instanceof HttpError && error.status === 400 && /already exists/i.test(error.detail ?? "");
      if (!conflict) throw error;
      user = await s.client.getUser(upn, LAG_MS);
      if (!user) throw error;
      adopted = Date.parse(user.createdDateTime ?? "") < started - 1000;
      if (!adopted) initialPassword = password;
    }
  }
  if (adopted) await s.client.updateUser(user.id, body);
  s.users.invalidate(user.id);
  const manager = await syncManager(s, spec, user.id, false);
  await syncGroups(s, spec, user.id, wantedGroups(s, spec), []);
  return outputs(spec, user, upn, {
    manager,
    initialPassword,
    adopted,
    createdAt: adopted ? undefined : new Date(started).toISOString(),
  });
}

/** Update in place: PATCH, then revoke sessions on disable (the kill switch), manager and memberships. */
export async function updateAccount(
  s: EntraSession,
  olds: EntraAccountOutputs,
  spec: EntraAccountInputs,
): Promise<EntraAccountOutputs> {
  const upn = upnOf(spec, s.settings.domain);
  s.users.invalidate(olds.entraId);
  await s.client.updateUser(olds.entraId, entraUserBody(spec, upn, olds));
  const cutOff =
    (olds.enabled && !spec.enabled) || (spec.lifecycle === "terminated" && olds.lifecycle !== "terminated");
  if (cutOff) await s.client.revokeSignInSessions(olds.entraId);
  const manager = await syncManager(s, spec, olds.entraId, olds.managerEmployeeId !== undefined);
  await syncGroups(s, spec, olds.entraId, wantedGroups(s, spec), wantedGroups(s, olds));
  return outputs(spec, { id: olds.entraId }, upn, {
    manager,
    initialPassword: olds.initialPassword,
    adopted: olds.adopted,
    createdAt: olds.createdAt,
  });
}

/** The account as Entra has it now, or undefined when it is gone. Served from the snapshot when it can be. */
export async function readAccount(
  s: EntraSession,
  id: string,
  olds: EntraAccountOutputs,
): Promise<EntraAccountOutputs | undefined> {
  await s.users.ensure();
  const user = s.users.peek(id) ?? (await s.client.getUser(id, recentlyCreated(olds) ? 5_000 : undefined));
  if (!user) return undefined;
  const isMember = async (name: string) => {
    const groupId = await groupIdFor(s, name);
    return groupId !== undefined && ((await s.members.members(groupId))?.has(user.id.toLowerCase()) ?? false);
  };
  const groups: string[] = [];
  for (const name of olds.groups ?? []) if (await isMember(name)) groups.push(name);
  const admin = s.settings.adminGroup ? await isMember(s.settings.adminGroup) : olds.admin;
  return { ...olds, ...observedSpec(user), groups, admin, entraId: user.id };
}

/** Soft-deletes a disabled account (gone already is fine); an enabled one is refused. */
export async function deleteAccount(s: EntraSession, olds: EntraAccountOutputs): Promise<void> {
  const user = await s.client.getUser(olds.entraId);
  if (!user) return;
  if (olds.enabled !== false || user.accountEnabled !== false)
    throw new EntraAccountActiveError(olds.employeeId, user.userPrincipalName);
  await s.client.deleteUser(olds.entraId);
  s.users.invalidate(olds.entraId);
}
