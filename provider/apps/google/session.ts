import { appSettingsStore, MemberCache, UserSnapshot } from "../shared";
import { collectPages, HttpError, type RequestCounter } from "../../net";
import { GoogleClient, type GoogleUser } from "./client";
import type { GoogleSettings } from "./settings";

/** What one process shares across every Google resource: settings, the client (and its token), the snapshots. */
export interface GoogleSession {
  settings: GoogleSettings;
  client: GoogleClient;
  users: UserSnapshot<GoogleUser>;
  members: MemberCache;
  /** Org units known to exist (checked or created once per process). */
  orgUnits: Set<string>;
  /** Group address → whether it exists, checked once per process before the first member insert. */
  groups: Map<string, Promise<boolean>>;
}

/** Held on globalThis (see appSettingsStore): the session carries credentials and must never be serialized. */
const store = () => appSettingsStore<GoogleSession>("google");

/** The keys a user is found by in the snapshot: id, every address, `eid:` + each organization external id. */
export function googleUserKeys(user: GoogleUser): string[] {
  const emails = [user.primaryEmail, ...(user.aliases ?? [])].map((e) => e.toLowerCase());
  const eids = (user.externalIds ?? []).filter((e) => e.type === "organization").map((e) => `eid:${e.value}`);
  return [user.id, ...emails, ...eids];
}

/** Starts (or restarts, with new settings) this process's Google session; called by `configure`. */
export function openGoogleSession(settings: GoogleSettings, counter?: RequestCounter): GoogleSession {
  const current = currentSession();
  // The account and group providers are each configured once per process; they share the first session.
  if (current && JSON.stringify(current.settings) === JSON.stringify(settings)) return current;
  const client = new GoogleClient(settings, counter);
  const users = new UserSnapshot(
    () => collectPages("google", (token) => client.listUsers(token)),
    googleUserKeys,
    settings.snapshotTtlSeconds * 1000,
  );
  const members = new MemberCache(async (group) => {
    try {
      const all = await collectPages("google", (token) => client.listMembers(group, token));
      return all.map((m) => m.email);
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return undefined;
      throw error;
    }
  });
  const session: GoogleSession = { settings, client, users, members, orgUnits: new Set(["/"]), groups: new Map() };
  store().set(session);
  return session;
}

export const googleSession = (): GoogleSession => store().get();

function currentSession(): GoogleSession | undefined {
  try {
    return store().get();
  } catch {
    return undefined;
  }
}
