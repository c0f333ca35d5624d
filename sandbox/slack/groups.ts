import { z } from "zod";
import { badRequest, conflict, noSuchGroup } from "./errors";
import { parseFilter } from "./filter";
import { applyPatch, parsePath, patchOperations, type PatchOperation } from "./patch";
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
function checkNewMembers(store: SlackStore, ids: Iterable<string>, previous?: GroupRecord): void {
  const before = previous ? store.membersOf(previous) : new Set<string>();
  for (const id of ids) {
    if (before.has(id)) continue;
    const user = store.users.get(id);
    if (!user) throw badRequest("no_such_group_members");
    if (!user.active) throw badRequest("unable_to_add_deleted_or_guest_to_group");
  }
}

/** `perCall`: the users the request itself names (a PATCH's, not the group's after it), which Slack limits. */
function parseGroup(
  store: SlackStore,
  body: unknown,
  previous?: GroupRecord,
  perCall?: number,
): Pick<GroupRecord, "displayName" | "members"> {
  const parsed = GroupDoc.safeParse(body);
  if (!parsed.success || !parsed.data.schemas.includes(GROUP_URN)) throw badRequest("missing_schema_element");
  const { displayName, members = [] } = parsed.data;
  if (!displayName) throw badRequest("missing_schema_element");
  const ids = [...new Set((members ?? []).map((m) => m.value))];
  if ((perCall ?? ids.length) > MAX_MEMBERS_PER_CALL) throw badRequest("too_many_users");
  checkNewMembers(store, ids, previous);
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
  store.changed();
  return group;
}

/** PUT replaces all members; PATCH adds/removes/replaces them (a removal of an already-absent member is a no-op). */
export function updateGroup(store: SlackStore, id: string, body: unknown, mode: "put" | "patch"): GroupRecord {
  const previous = getGroup(store, id);
  const operations = mode === "patch" ? patchOperations(body) : [];
  const named = operations.reduce((n, o) => n + namedUsers(o.value), 0);
  const membership = mode === "patch" ? patchMembers(store, previous, operations, named) : undefined;
  const fields =
    mode === "put"
      ? parseGroup(store, body, previous)
      : (membership?.fields ??
        parseGroup(store, applyPatch(groupDocument(store, previous), operations, []), previous, named));
  const next: GroupRecord = { ...previous, ...fields, lastModified: new Date().toISOString() };
  store.groups.set(id, next);
  if (membership?.added) store.extendMembers(previous, next, membership.added);
  store.changed();
  return next;
}

/** The users an operation's value names: a member list, or one inside a path-less `{ members: [...] }`. */
function namedUsers(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  const members = value && typeof value === "object" ? (value as { members?: unknown }).members : undefined;
  return Array.isArray(members) ? members.length : 0;
}

type MemberChange = { add: string[] } | { remove: string };

/** A member add (`members`, a list of `{value}`) or removal (`members[value eq U1]`); undefined for any other op. */
function memberChange({ op, path, value }: PatchOperation): MemberChange | undefined {
  const target = path === undefined ? undefined : parsePath(path, []);
  if (target?.keys.length !== 1 || target.keys[0]!.toLowerCase() !== "members" || target.itemField) return;
  if (op === "add" && !target.filter && Array.isArray(value)) {
    const ids = value.map((m) => (m && typeof m === "object" ? (m as { value?: unknown }).value : undefined));
    return ids.every((v): v is string => typeof v === "string") ? { add: ids } : undefined;
  }
  if (op === "remove" && target.filter?.sub.toLowerCase() === "value") return { remove: target.filter.value };
}

/**
 * A PATCH that only adds members or removes them by id (idlc's every membership change), applied to the member
 * list as the whole-document path would, without rendering, copying and re-validating a group that may hold tens
 * of thousands. `added` is set when the PATCH only appended members, so the store extends the member set it has.
 * Undefined when any operation is of another kind: that PATCH takes the whole-document path.
 */
function patchMembers(store: SlackStore, previous: GroupRecord, operations: PatchOperation[], named: number) {
  const changes = operations.map(memberChange);
  if (!changes.every((c): c is MemberChange => c !== undefined)) return undefined;
  if (named > MAX_MEMBERS_PER_CALL) throw badRequest("too_many_users");
  const fields = (members: string[]) => ({ displayName: previous.displayName, members });
  if (changes.every((c) => "add" in c)) {
    const before = store.membersOf(previous);
    const added = [...new Set(changes.flatMap((c) => c.add))].filter((id) => !before.has(id));
    checkNewMembers(store, added, previous);
    return { fields: fields(previous.members.concat(added)), added };
  }
  let members = previous.members;
  for (const change of changes) {
    if ("add" in change) {
      const present = new Set(members);
      members = [...members, ...new Set(change.add.filter((id) => !present.has(id)))];
    } else {
      const gone = change.remove.toLowerCase();
      members = members.filter((id) => id.toLowerCase() !== gone);
    }
  }
  checkNewMembers(store, members, previous);
  return { fields: fields(members) };
}

/** Deleting a group is permanent; its member users stay. */
export function deleteGroup(store: SlackStore, id: string): void {
  getGroup(store, id);
  store.groups.delete(id);
  store.changed();
}

export function listGroups(store: SlackStore, filter: string | undefined): GroupRecord[] {
  const groups = [...store.groups.values()];
  if (filter === undefined) return groups;
  const predicate = parseFilter(filter, ["displayname"]);
  return groups.filter((g) => predicate(() => [g.displayName]));
}

/** A group's document without its members: `groupDocument` adds them, `groupJson` splices them in rendered. */
export function groupHead(g: GroupRecord, base = "") {
  return {
    schemas: [GROUP_URN],
    id: g.id,
    displayName: g.displayName,
    meta: { created: g.created, lastModified: g.lastModified, location: `${base}/Groups/${g.id}` },
  };
}

export function groupDocument(store: SlackStore, g: GroupRecord, base = "") {
  return { ...groupHead(g, base), members: g.members.map((value) => memberOf(store, value)) };
}

export const memberOf = (store: SlackStore, value: string) => ({
  value,
  display: store.users.get(value)?.displayName ?? "",
});
