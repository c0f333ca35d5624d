import { collectPages, type RequestCounter } from "../../net";
import { appSettingsStore, MemberCache, UserSnapshot } from "../shared";
import { EntraClient, type EntraUser } from "./client";
import type { EntraSettings } from "./settings";

/** What one process shares across every Entra resource: settings, the client (and its token), the snapshots. */
export interface EntraSession {
  settings: EntraSettings;
  client: EntraClient;
  users: UserSnapshot<EntraUser>;
  /** Member ids per group id. */
  members: MemberCache;
  /** Group mailNickname → id (undefined: no such group), looked up once per process. */
  groupIds: Map<string, Promise<string | undefined>>;
}

/** Held on globalThis (see appSettingsStore): the session carries credentials and must never be serialized. */
const store = () => appSettingsStore<EntraSession>("entra");

export function entraUserKeys(user: EntraUser): string[] {
  return [user.id, user.userPrincipalName.toLowerCase(), ...(user.employeeId ? [`eid:${user.employeeId}`] : [])];
}

/** Starts (or, with other settings, restarts) this process's Entra session; called by `configure`. */
export function openEntraSession(settings: EntraSettings, counter?: RequestCounter): EntraSession {
  const current = currentSession();
  // The account and group providers are each configured once per process; they share the first session.
  if (current && JSON.stringify(current.settings) === JSON.stringify(settings)) return current;
  const client = new EntraClient(settings, counter);
  const session: EntraSession = {
    settings,
    client,
    users: new UserSnapshot(
      () => collectPages("entra", (link) => client.listUsers(link)),
      entraUserKeys,
      settings.snapshotTtlSeconds * 1000,
    ),
    members: new MemberCache(async (groupId) => collectPages("entra", (link) => client.listMemberIds(groupId, link))),
    groupIds: new Map(),
  };
  store().set(session);
  return session;
}

export const entraSession = (): EntraSession => store().get();

function currentSession(): EntraSession | undefined {
  try {
    return store().get();
  } catch {
    return undefined;
  }
}

/** The id of the group a name from the roles files stands for (its mailNickname). */
export function groupIdFor(s: EntraSession, name: string): Promise<string | undefined> {
  const nickname = mailNicknameOf(name);
  let found = s.groupIds.get(nickname);
  if (!found) {
    found = s.client.findGroupByNickname(nickname).then((g) => g?.id);
    s.groupIds.set(nickname, found);
    found.catch(() => s.groupIds.delete(nickname));
  }
  return found;
}

/** Graph's mailNickname alphabet: ASCII without spaces and `@()\[]";:<>,`. */
export function mailNicknameOf(name: string): string {
  return name
    .split("@")[0]
    .normalize("NFKD")
    .replace(/[^\x21-\x7e]|[@()\\[\]";:<>,]/g, "")
    .slice(0, 64);
}
