import { conflict, forbidden, noSuchUser } from "./errors";
import { applyPatch, patchOperations } from "./patch";
import { SEEDED_CHANNELS, type SlackStore, type UserRecord } from "./store";
import { parseUser, renderUser, type UserFields } from "./user-record";
import { ENTERPRISE_URN, SLACK_PROFILE_URN } from "./urns";
import { equalitiesOf, parseFilter } from "./filter";

/** Attributes Slack can filter users on (app-apis.md §1.6). */
const USER_FILTERS = ["username", "email"] as const;

/** Emulator switches a test flips to reproduce Slack incidents. */
export interface SlackQuirks {
  /** The next N user updates leave the user deactivated, as in Slack's April 2024 SCIM incident. */
  deactivateOnNextUpdates: number;
}

/** A manager reference may be a Slack id, a primary email or a username. */
function resolveManager(store: SlackStore, ref: string): string | undefined {
  const lower = ref.toLowerCase();
  if (store.users.has(ref)) return ref;
  return store.userKeys.pick(store.users, lower).find((u) => u.primaryEmail === lower || u.userName === lower)?.id;
}

/** A deactivated user keeps both its email and its username, so neither can be reused (app-apis.md §1.7). */
function assertUnique(store: SlackStore, fields: UserFields, selfId?: string): void {
  const emails = [fields.primaryEmail, fields.secondaryEmail].filter(Boolean);
  for (const other of store.userKeys.pick(store.users, fields.userName, ...(emails as string[]))) {
    if (other.id === selfId) continue;
    if (emails.some((e) => e === other.primaryEmail || e === other.secondaryEmail)) throw conflict("email_taken");
    if (other.userName === fields.userName) throw conflict("username_taken");
  }
  if (SEEDED_CHANNELS.includes(fields.userName)) throw conflict("username_taken");
}

export function getUser(store: SlackStore, id: string): UserRecord {
  const user = store.users.get(id);
  if (!user) throw noSuchUser();
  return user;
}

export function createUser(store: SlackStore, body: unknown): UserRecord {
  const fields = parseUser(body, (ref) => resolveManager(store, ref));
  assertUnique(store, fields);
  const now = new Date().toISOString();
  const user: UserRecord = { ...fields, id: store.nextId("U"), primaryOwner: false, created: now, lastModified: now };
  store.putUser(user);
  store.changed();
  return user;
}

/** PUT replaces; PATCH edits the current document. Both answer with what was asked, even when a quirk stores otherwise. */
export function updateUser(
  store: SlackStore,
  quirks: SlackQuirks,
  id: string,
  body: unknown,
  mode: "put" | "patch",
): UserRecord {
  const previous = getUser(store, id);
  const doc =
    mode === "put"
      ? body
      : applyPatch(userDocument(store, previous), patchOperations(body), [ENTERPRISE_URN, SLACK_PROFILE_URN]);
  const fields = parseUser(doc, (ref) => resolveManager(store, ref), previous);
  assertUnique(store, fields, id);
  const next: UserRecord = { ...previous, ...fields, lastModified: new Date().toISOString() };
  if (!("secondaryEmail" in fields)) delete next.secondaryEmail;
  const stored = quirks.deactivateOnNextUpdates > 0 && !next.primaryOwner ? { ...next, active: false } : next;
  if (stored !== next) quirks.deactivateOnNextUpdates -= 1;
  store.putUser(stored);
  store.changed();
  return next;
}

/** DELETE never removes a user: it deactivates, and is idempotent on an already deactivated one. */
export function deactivateUser(store: SlackStore, id: string): void {
  const user = getUser(store, id);
  if (user.primaryOwner) throw forbidden("cannot_disable_primary_owner");
  if (!user.active) return;
  store.putUser({ ...user, active: false, lastModified: new Date().toISOString() });
  store.changed();
}

export function listUsers(store: SlackStore, filter: string | undefined): UserRecord[] {
  if (filter === undefined) return [...store.users.values()];
  const predicate = parseFilter(filter, USER_FILTERS);
  // `email eq "x" or username eq "y"` (how idlc looks a user up) needs only the users the index holds under x or y.
  const equalities = equalitiesOf(filter);
  const users = equalities
    ? store.userKeys.pick(store.users, ...equalities.map((e) => e.value))
    : [...store.users.values()];
  return users.filter((u) =>
    predicate((attr) =>
      attr === "username" ? [u.userName] : [u.primaryEmail, ...(u.secondaryEmail ? [u.secondaryEmail] : [])],
    ),
  );
}

export function userDocument(store: SlackStore, user: UserRecord, base = ""): Record<string, unknown> {
  return renderUser(user, store.groupsOf(user.id), base);
}
