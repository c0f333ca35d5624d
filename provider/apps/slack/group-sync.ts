/**
 * Account-side group membership: each account adds and removes only its own member entry by PATCH (never a PUT of
 * all members, which would race other writers). Slack filters groups by `displayName` only, which is the group's name.
 */
// From the scim modules, not its index: the index also exports the SCIM providers, which closure serialization
// would copy into every Slack resource's state (about 45 KB each).
import { scimAnyOf, scimEq, type ScimClient } from "../scim/client";
import { isNotFound, slackSession } from "./client";
import { SlackGroupMissingError } from "./errors";

export interface Membership {
  /** Group names the account was in, per the last outputs. */
  names: string[];
  /** Their Slack ids, by name. */
  ids: Record<string, string>;
  /** Group ids Slack says the user is in now (when known): adds already there are skipped. */
  memberOf?: Set<string>;
}

/** Slack user groups take active members only: a deactivated user (pre-hire, on leave, leaver) holds none. */
export const memberGroups = (spec: { enabled: boolean; groups: string[] }): string[] =>
  spec.enabled ? spec.groups : [];

/** Moves user `userId` from `current` to the `wanted` group names; returns the Slack ids of `wanted`, by name. */
export async function syncGroups(
  client: ScimClient,
  employeeId: string,
  userId: string,
  wanted: string[],
  current: Membership,
): Promise<Record<string, string>> {
  const adds = wanted.filter((g) => !current.names.includes(g));
  const removes = current.names.filter((g) => !wanted.includes(g));
  // The user's `groups` in a refresh snapshot no longer hold.
  if (adds.length + removes.length > 0) slackSession().users?.invalidate(userId);
  const ids: Record<string, string> = { ...current.ids };
  // Ids this process already knows (slackSession's groupIds): a lookup answers with the whole group.
  const known = slackSession().groupIds;
  for (const name of [...adds, ...removes]) {
    const id = ids[name] ?? known.get(name);
    if (id) ids[name] = id;
  }
  const lookUp = async (names: string[]) => {
    const found = await client.groups.find(scimAnyOf(names.map((name) => scimEq("displayName", name))));
    for (const name of names) {
      const group = found.find((g) => g.displayName === name);
      if (group) {
        known.set(name, group.id);
        ids[name] = group.id;
      } else {
        known.delete(name);
        delete ids[name];
      }
    }
  };
  const unknown = [...adds, ...removes].filter((name) => !ids[name]);
  if (unknown.length > 0) await lookUp(unknown);
  const join = (id: string) => client.groups.patch(id, [{ op: "add", path: "members", value: [{ value: userId }] }]);
  for (const name of adds) {
    if (!ids[name]) throw new SlackGroupMissingError(employeeId, name);
    if (current.memberOf?.has(ids[name])) continue;
    try {
      await join(ids[name]);
    } catch (err) {
      // The group was deleted after this process learned its id (and maybe made again): look it up once more.
      if (!isNotFound(err)) throw err;
      await lookUp([name]);
      if (!ids[name]) throw new SlackGroupMissingError(employeeId, name);
      await join(ids[name]);
    }
  }
  for (const name of removes) {
    const id = ids[name];
    if (!id) continue; // the group is gone, and the membership with it
    try {
      await client.groups.patch(id, [{ op: "remove", path: `members[value eq ${JSON.stringify(userId)}]` }]);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return Object.fromEntries(wanted.filter((name) => ids[name]).map((name) => [name, ids[name]!]));
}
