/**
 * Account-side group membership for the SCIM family (generic SCIM apps and Slack): each account adds and removes
 * only its own member entry by PATCH, never a PUT of all members, which would race other writers. A SCIM server
 * answers a group lookup with the whole group, members and all, so a process looks each group's id up once and
 * keeps it (`GroupLookup.known`); a join that meets 404 on a kept id (the group was deleted, maybe made again)
 * looks the name up once more.
 */
import { absentOn404 } from "../shared";
import type { ScimClient, ScimGroup } from "./client";

/** The account's groups as its last outputs record them. */
export interface Membership {
  /** Group names the account was in. */
  names: string[];
  /** Their ids, by name. */
  ids: Record<string, string>;
  /** Group ids the app says the user is in now (when known): adds already there are skipped. */
  memberOf?: Set<string>;
}

/** How one app of the family finds its groups by name, and what it says when one does not exist. */
export interface GroupLookup {
  /** The filter matching any of `names`. */
  filter(names: string[]): string;
  /** The group `name` means among a lookup's results. */
  pick(found: ScimGroup[], name: string): ScimGroup | undefined;
  /** The error for a group the account should join that is not there. */
  missing(name: string): Error;
  /** Group ids by name, as this process last learned them: a lookup, or the group provider's create. */
  known: Map<string, string>;
  /** Runs once before the first write, when the account's groups change. */
  beforeChange?: () => Promise<void> | void;
}

/** Moves user `userId` from `current` to the `wanted` group names; returns the ids of `wanted`, by name. */
export async function syncMembership(
  client: ScimClient,
  userId: string,
  wanted: string[],
  current: Membership,
  lookup: GroupLookup,
): Promise<Record<string, string>> {
  const adds = wanted.filter((g) => !current.names.includes(g));
  const removes = current.names.filter((g) => !wanted.includes(g));
  const ids: Record<string, string> = { ...current.ids };
  const idsOf = (names: string[]) => Object.fromEntries(names.filter((n) => ids[n]).map((n) => [n, ids[n]!]));
  if (adds.length + removes.length === 0) return idsOf(wanted);
  await lookup.beforeChange?.();
  for (const name of [...adds, ...removes]) {
    const id = ids[name] ?? lookup.known.get(name);
    if (id) ids[name] = id;
  }
  const lookUp = async (names: string[]) => {
    const found = await client.groups.find(lookup.filter(names));
    for (const name of names) {
      const group = lookup.pick(found, name);
      if (group) {
        lookup.known.set(name, group.id);
        ids[name] = group.id;
      } else {
        lookup.known.delete(name);
        delete ids[name];
      }
    }
  };
  const unknown = [...adds, ...removes].filter((name) => !ids[name]);
  if (unknown.length > 0) await lookUp(unknown);
  const join = (id: string) => client.groups.patch(id, [{ op: "add", path: "members", value: [{ value: userId }] }]);
  for (const name of adds) {
    if (!ids[name]) throw lookup.missing(name);
    if (current.memberOf?.has(ids[name])) continue;
    // A 404 on a kept id: the group was deleted (and maybe made again) since; look the name up once more.
    if (await absentOn404(() => join(ids[name]!).then(() => true))) continue;
    await lookUp([name]);
    if (!ids[name]) throw lookup.missing(name);
    await join(ids[name]);
  }
  for (const name of removes) {
    const id = ids[name];
    if (!id) continue; // the group is gone, and the membership with it
    await absentOn404(() =>
      client.groups.patch(id, [{ op: "remove", path: `members[value eq ${JSON.stringify(userId)}]` }]),
    );
  }
  return idsOf(wanted);
}

/** What a group provider's delete tells the process: the ids kept for that group no longer hold. */
export function forgetGroupId(known: Map<string, string>, id: string): void {
  for (const [name, knownId] of known) if (knownId === id) known.delete(name);
}
