import { z } from "zod";
import { badRequest, conflict, noSuchGroup } from "./errors";
import { parseFilter } from "./filter";
import { applyPatch } from "./patch";
import type { GroupRecord, SlackStore } from "./store";
import { GROUP_URN } from "./urns";

/** More than this many users in one call is `too_many_users` (app-apis.md §1.4). */
export const MAX_MEMBERS_PER_CALL = 15_000;

const GroupDoc = z
  .object({
    schemas: z.array(z.string()),
    displayName: z.string().nullish(),
    members: z.array(z.object({ value: z.string() }).loose()).nullish(),
  })
  .loose();

/** Only members being added must be active: one deactivated since it joined does not block later edits. */
function parseGroup(
  store: SlackStore,
  body: unknown,
  previous?: GroupRecord,
): Pick<GroupRecord, "displayName" | "members"> {
  const parsed = GroupDoc.safeParse(body);
  if (!parsed.success || !parsed.data.schemas.includes(GROUP_URN)) throw badRequest("missing_schema_element");
  const { displayName, members = [] } = parsed.data;
  if (!displayName) throw badRequest("missing_schema_element");
  const ids = [...new Set((members ?? []).map((m) => m.value))];
  if (ids.length > MAX_MEMBERS_PER_CALL) throw badRequest("too_many_users");
  for (const id of ids.filter((m) => !previous?.members.includes(m))) {
    const user = store.users.get(id);
    if (!user) throw badRequest("no_such_group_members");
    if (!user.active) throw badRequest("unable_to_add_deleted_or_guest_to_group");
  }
  // Slack user group names are unique; the SCIM detail for a clash is not documented [unverified].
  const clash = [...store.groups.values()].some(
    (g) => g.id !== previous?.id && g.displayName.toLowerCase() === displayName.toLowerCase(),
  );
  if (clash) throw conflict("name_already_exists");
  return { displayName, members: ids };
}

export function getGroup(store: SlackStore, id: string): GroupRecord {
  const group = store.groups.get(id);
  if (!group) throw noSuchGroup();
  return group;
}

export function createGroup(store: SlackStore, body: unknown): GroupRecord {
  const fields = parseGroup(store, body);
  const now = new Date().toISOString();
  const group: GroupRecord = { ...fields, id: store.nextId("S"), created: now, lastModified: now };
  store.groups.set(group.id, group);
  store.save();
  return group;
}

/** PUT replaces all members; PATCH adds/removes/replaces them (a removal of an already-absent member is a no-op). */
export function updateGroup(store: SlackStore, id: string, body: unknown, mode: "put" | "patch"): GroupRecord {
  const previous = getGroup(store, id);
  const doc = mode === "put" ? body : applyPatch(groupDocument(store, previous), body, []);
  const next: GroupRecord = {
    ...previous,
    ...parseGroup(store, doc, previous),
    lastModified: new Date().toISOString(),
  };
  store.groups.set(id, next);
  store.save();
  return next;
}

/** Deleting a group is permanent; its member users stay. */
export function deleteGroup(store: SlackStore, id: string): void {
  getGroup(store, id);
  store.groups.delete(id);
  store.save();
}

export function listGroups(store: SlackStore, filter: string | undefined): GroupRecord[] {
  const groups = [...store.groups.values()];
  if (filter === undefined) return groups;
  const predicate = parseFilter(filter, ["displayname"]);
  return groups.filter((g) => predicate(() => [g.displayName]));
}

export function groupDocument(store: SlackStore, g: GroupRecord, base = "") {
  return {
    schemas: [GROUP_URN],
    id: g.id,
    displayName: g.displayName,
    meta: { created: g.created, lastModified: g.lastModified, location: `${base}/Groups/${g.id}` },
    members: g.members.map((value) => ({ value, display: store.users.get(value)?.displayName ?? "" })),
  };
}
