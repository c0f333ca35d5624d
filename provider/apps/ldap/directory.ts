/**
 * Directory look-ups and group membership, shared by both providers. Membership is written on the group
 * (`member`); memberOf on users is maintained by the server and never written.
 */
import type { AccountSpec } from "../../access/account-spec";
import { accountReadAttributes, byEmployeeId, byLoginOrMail, employeeIdAttribute } from "./account-entry";
import type { LdapEntry, LdapSession } from "./client";
import { ambiguousEntry, LdapError, missingGroup } from "./errors";
import { groupByName, groupsWithMember } from "./group-entry";
import type { LdapSettings } from "./settings";

// "Already a member" is 20 typeOrValueExists (AD: 68), "already not" 16 noSuchAttribute (AD: 53, app-apis.md §5.2).
const ALREADY_MEMBER = { openldap: [20], ad: [20, 68] };
const ALREADY_GONE = { openldap: [16], ad: [16, 53] };

async function one(session: LdapSession, base: string, filter: string, attributes: string[], what: string) {
  const found = await session.search(base, filter, attributes);
  if (found.length > 1)
    throw ambiguousEntry(
      what,
      filter,
      found.map((entry) => entry.dn),
    );
  return found[0];
}

export function findByEmployeeId(
  session: LdapSession,
  settings: LdapSettings,
  employeeId: string,
): Promise<LdapEntry | undefined> {
  const attributes = [...accountReadAttributes(settings.flavor), "objectClass"];
  return one(
    session,
    settings.peopleDN,
    byEmployeeId(settings.flavor, employeeId),
    attributes,
    `employee ${employeeId}`,
  );
}

/**
 * The entry `create` should adopt: by employee id, else by login name or email — but never an entry that
 * belongs to a different employee id (that is another person, and adopting would hijack their account).
 */
export async function findForAdoption(
  session: LdapSession,
  settings: LdapSettings,
  spec: AccountSpec,
): Promise<LdapEntry | undefined> {
  const byId = await findByEmployeeId(session, settings, spec.employeeId);
  if (byId) return byId;
  const filter = byLoginOrMail(settings.flavor, spec);
  const entry = await one(
    session,
    settings.peopleDN,
    filter,
    [...accountReadAttributes(settings.flavor), "objectClass"],
    `employee ${spec.employeeId}`,
  );
  const owner = entry?.attrs[employeeIdAttribute(settings.flavor).toLowerCase()]?.[0];
  if (entry && owner && owner !== spec.employeeId) {
    throw new LdapError(
      "LDAP_ADOPT_CONFLICT",
      `"${entry.dn}" has the login or email of employee ${spec.employeeId} but belongs to employee ${owner}`,
      {
        fix: "Give one of the two people a different userName/email in HR, or correct the entry's employee id.",
        context: { employeeId: spec.employeeId, dn: entry.dn },
      },
    );
  }
  return entry;
}

/** The manager's DN, or undefined when the manager has no entry (yet, or any more). */
export async function managerDnOf(
  session: LdapSession,
  settings: LdapSettings,
  managerEmployeeId: string | undefined,
): Promise<string | undefined> {
  if (!managerEmployeeId) return undefined;
  return (await findByEmployeeId(session, settings, managerEmployeeId))?.dn;
}

/** Names (cn) of the groups under groupsDN that list `memberDn`, sorted. */
export async function groupNamesOf(
  session: LdapSession,
  settings: LdapSettings,
  memberDn: string,
): Promise<Array<{ name: string; dn: string }>> {
  const groups = await session.search(settings.groupsDN, groupsWithMember(settings.flavor, memberDn), ["cn"]);
  return groups
    .map((group) => ({ name: group.attrs["cn"]?.[0] ?? "", dn: group.dn }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Fails before anything is written when a wanted group is missing, so create stays all-or-nothing. */
export async function assertGroupsExist(
  session: LdapSession,
  settings: LdapSettings,
  wanted: string[],
  employeeId: string,
): Promise<void> {
  for (const name of wanted) {
    if (!(await one(session, settings.groupsDN, groupByName(settings.flavor, name), ["cn"], `group ${name}`))) {
      throw missingGroup(name, settings.groupsDN, employeeId);
    }
  }
}

/** Makes `memberDn` a member of exactly `wanted` among the groups under groupsDN. */
export async function syncMemberships(
  session: LdapSession,
  settings: LdapSettings,
  memberDn: string,
  wanted: string[],
  employeeId: string,
): Promise<void> {
  const current = await groupNamesOf(session, settings, memberDn);
  const key = (name: string) => name.toLowerCase();
  const wantedKeys = new Set(wanted.map(key));
  const currentKeys = new Set(current.map((group) => key(group.name)));
  for (const name of wanted.filter((group) => !currentKeys.has(key(group)))) {
    const group = await one(session, settings.groupsDN, groupByName(settings.flavor, name), ["cn"], `group ${name}`);
    if (!group) throw missingGroup(name, settings.groupsDN, employeeId);
    await tolerate(
      session.modify(group.dn, [{ operation: "add", type: "member", values: [memberDn] }]),
      ALREADY_MEMBER[settings.flavor],
    );
  }
  for (const group of current.filter((group) => !wantedKeys.has(key(group.name)))) {
    await tolerate(
      session.modify(group.dn, [{ operation: "delete", type: "member", values: [memberDn] }]),
      ALREADY_GONE[settings.flavor],
    );
  }
}

/** Membership changes are idempotent: "already a member" / "already gone" are success. */
async function tolerate(operation: Promise<void>, codes: number[]): Promise<void> {
  try {
    await operation;
  } catch (error) {
    if (!codes.includes((error as LdapError).resultCode ?? -1)) throw error;
  }
}
