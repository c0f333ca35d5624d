import type { AccountSpec } from "../../access/account-spec";
import { HttpError } from "../../net";
import { generatePassword } from "../shared";
import {
  employeeIdOf,
  googleUserBody,
  groupEmail,
  managerEmailOf,
  observedSpec,
  orgUnitFor,
  recentlyCreated,
  type GoogleAccountOutputs,
} from "./account-mapping";
import type { GoogleUser } from "./client";
import { GoogleAccountActiveError, GoogleGroupMissingError } from "./errors";
import type { GoogleSession } from "./session";

/** Google user by employee id: the snapshot when loaded, else a users.list `externalId:` query. */
async function byEmployeeId(s: GoogleSession, employeeId: string): Promise<GoogleUser | undefined> {
  const cached = s.users.peek(`eid:${employeeId}`);
  if (cached) return cached;
  const { items } = await s.client.listUsers(undefined, `externalId:'${employeeId}'`);
  return items.find((u) => employeeIdOf(u) === employeeId);
}

/** The manager's address for the `manager` relation; undefined while the manager has no Google account yet. */
async function managerEmail(s: GoogleSession, spec: AccountSpec): Promise<string | undefined> {
  return spec.managerEmployeeId ? (await byEmployeeId(s, spec.managerEmployeeId))?.primaryEmail : undefined;
}

async function ensureOrgUnit(s: GoogleSession, path: string): Promise<void> {
  if (s.orgUnits.has(path)) return;
  const parent = path.slice(0, path.lastIndexOf("/")) || "/";
  await ensureOrgUnit(s, parent);
  if (!(await s.client.orgUnitExists(path))) await s.client.insertOrgUnit(path);
  s.orgUnits.add(path);
}

/**
 * A group just created by this run may 404 for a moment, so the check rides out a short lag. Only "it exists" is
 * remembered for the run: a group missing now may be created meanwhile by another shard's run or an admin.
 */
function groupExists(s: GoogleSession, group: string): Promise<boolean> {
  let known = s.groups.get(group);
  if (!known) {
    known = s.client.getGroup(group, 2_000).then((found) => found !== undefined);
    s.groups.set(group, known);
    const forget = () => void s.groups.delete(group);
    known.then((found) => found || forget(), forget);
  }
  return known;
}

/** Adds and removes memberships; answers the groups the user is now in, of those asked for. */
async function syncGroups(s: GoogleSession, spec: AccountSpec, had: readonly string[]): Promise<string[]> {
  const email = spec.email.toLowerCase();
  for (const name of spec.groups.filter((g) => !had.includes(g))) {
    const group = groupEmail(name, s.settings.domain);
    if (!(await groupExists(s, group))) throw new GoogleGroupMissingError(spec.employeeId, group);
    await s.client.insertMember(group, email);
    await s.members.changed(group, email, true);
  }
  for (const name of had.filter((g) => !spec.groups.includes(g))) {
    const group = groupEmail(name, s.settings.domain);
    await s.client.deleteMember(group, email);
    await s.members.changed(group, email, false);
  }
  return [...spec.groups];
}

function outputs(
  spec: AccountSpec,
  user: GoogleUser,
  extra: { manager?: string; initialPassword?: string; adopted: boolean; groups: string[]; createdAt?: string },
): GoogleAccountOutputs {
  return {
    ...spec,
    managerEmployeeId: extra.manager ? spec.managerEmployeeId : undefined,
    groups: extra.groups,
    googleId: user.id,
    orgUnitPath: user.orgUnitPath ?? "/",
    adopted: extra.adopted,
    ...(extra.initialPassword ? { initialPassword: extra.initialPassword } : {}),
    ...(extra.createdAt ? { createdAt: extra.createdAt } : {}),
  };
}

/**
 * Create that adopts: an existing user (by employee id, then address) is brought to the spec instead of
 * duplicated. An insert whose answer was lost surfaces as 409 on the retry; the user found then is ours when it
 * was created after this call began, so the password we sent is its password.
 */
export async function createAccount(s: GoogleSession, spec: AccountSpec): Promise<GoogleAccountOutputs> {
  const started = Date.now();
  const orgUnitPath = orgUnitFor(spec, s.settings);
  await ensureOrgUnit(s, orgUnitPath);
  const manager = await managerEmail(s, spec);
  const body = googleUserBody(spec, { managerEmail: manager, orgUnitPath });
  let user = (await byEmployeeId(s, spec.employeeId)) ?? (await s.client.getUser(spec.email));
  let initialPassword: string | undefined;
  let adopted = user !== undefined;
  if (!user) {
    const password = generatePassword();
    try {
      user = await s.client.insertUser({ ...body, password, changePasswordAtNextLogin: true });
      initialPassword = password;
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 409)) throw error;
      user = await s.client.getUser(spec.email, 10_000);
      if (!user) throw error;
      adopted = Date.parse(user.creationTime ?? "") < started - 1000;
      if (!adopted) initialPassword = password;
    }
  }
  if (adopted) user = await s.client.updateUser(user.id, body);
  if (spec.admin !== (user.isAdmin === true)) await s.client.makeAdmin(user.id, spec.admin);
  s.users.invalidate(user.id);
  const groups = await syncGroups(s, spec, []);
  const createdAt = adopted ? undefined : new Date(started).toISOString();
  return outputs(spec, { ...user, isAdmin: spec.admin }, { manager, initialPassword, adopted, groups, createdAt });
}

/** Update in place (never a replace): PUT the whole body, then admin, sign-out on disable, memberships. */
export async function updateAccount(
  s: GoogleSession,
  olds: GoogleAccountOutputs,
  spec: AccountSpec,
): Promise<GoogleAccountOutputs> {
  const orgUnitPath = orgUnitFor(spec, s.settings);
  await ensureOrgUnit(s, orgUnitPath);
  const manager = await managerEmail(s, spec);
  s.users.invalidate(olds.googleId);
  const user = await s.client.updateUser(olds.googleId, googleUserBody(spec, { managerEmail: manager, orgUnitPath }));
  if (spec.admin !== olds.admin) await s.client.makeAdmin(olds.googleId, spec.admin);
  // Suspension blocks new sign-ins only; signOut ends the sessions already open (the kill switch).
  const cutOff =
    (olds.enabled && !spec.enabled) || (spec.lifecycle === "terminated" && olds.lifecycle !== "terminated");
  if (cutOff) await s.client.signOut(olds.googleId);
  const groups = await syncGroups(s, spec, olds.groups);
  const { initialPassword, createdAt } = olds;
  return outputs(spec, user, { manager, initialPassword, adopted: olds.adopted, groups, createdAt });
}

/** The account as Google has it now, or undefined when it is gone. Served from the snapshot when it can be. */
export async function readAccount(
  s: GoogleSession,
  id: string,
  olds: GoogleAccountOutputs,
): Promise<GoogleAccountOutputs | undefined> {
  await s.users.ensure();
  const user = s.users.peek(id) ?? (await s.client.getUser(id, recentlyCreated(olds) ? 5_000 : undefined));
  if (!user) return undefined;
  const managerAddress = managerEmailOf(user)?.toLowerCase();
  const managerUser = managerAddress
    ? (s.users.peek(managerAddress) ?? (await s.client.getUser(managerAddress)))
    : undefined;
  const groups: string[] = [];
  for (const name of olds.groups ?? []) {
    const members = await s.members.members(groupEmail(name, s.settings.domain));
    if (members?.has(user.primaryEmail.toLowerCase())) groups.push(name);
  }
  const observed = observedSpec(user, managerUser ? employeeIdOf(managerUser) : undefined);
  // Google lower-cases addresses; a spec written in another case is not drift.
  const email = user.primaryEmail.toLowerCase() === olds.email?.toLowerCase() ? olds.email : user.primaryEmail;
  return { ...olds, ...observed, email, groups, googleId: user.id };
}

/** Deletes a suspended account (gone already is fine); an active one is refused. */
export async function deleteAccount(s: GoogleSession, olds: GoogleAccountOutputs): Promise<void> {
  const user = await s.client.getUser(olds.googleId);
  if (!user) return;
  if (olds.enabled !== false || user.suspended !== true)
    throw new GoogleAccountActiveError(olds.employeeId, user.primaryEmail);
  await s.client.deleteUser(olds.googleId);
  s.users.invalidate(olds.googleId);
}
