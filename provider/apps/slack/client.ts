/**
 * Slack's SCIM v2 API through the generic SCIM client (provider/apps/scim), with Slack's own rules at the wire:
 * its documented pacing (limits.ts) and features, the filters it supports (`email`, `userName`, group
 * `displayName`; never `externalId`), and its error details translated once, here.
 */
import { createHttpClient, HttpError, type HttpClient, type HttpResponse } from "../../net";
import {
  createScimClient,
  scimAnyOf,
  scimEq,
  type ScimClient,
  type ScimGroup as ScimWireGroup,
  type ScimUser,
} from "../scim/client";
import { appSettingsStore, UserSnapshot } from "../shared";
import { slackPaceRules } from "./limits";
import type { SlackSettings } from "./settings";

export type { ScimUser as SlackUser, ScimWireGroup as SlackWireGroup };

/** What Slack's `/ServiceProviderConfig` says (PATCH yes, ETags no, pages up to 1000): documented, so not fetched. */
const SERVICE_PROVIDER_CONFIG = {
  patch: { supported: true },
  etag: { supported: false },
  filter: { supported: true, maxResults: 1000 },
};

/** Answers the generic client's feature probe locally, saving one call per process; everything else goes out. */
function withKnownFeatures(http: HttpClient): HttpClient {
  const known: HttpResponse = { status: 200, body: SERVICE_PROVIDER_CONFIG, headers: {} };
  return {
    app: http.app,
    request: async (req) =>
      (req.method === "GET" && req.path === "/ServiceProviderConfig" ? known : http.request(req)) as never,
  };
}

export const slackSettings = appSettingsStore<SlackSettings>("slack");

// A string key: a Symbol does not survive closure serialization.
const sessionsKey = "__idlcSlackSessions";

/** What one process shares across every Slack resource: the client (and its pacers) and the refresh snapshot. */
export interface SlackSession {
  client: ScimClient;
  /** Every user, listed once (`userName pr`, pages of 1000) for refresh; undefined when the TTL is 0. */
  users?: UserSnapshot<ScimUser>;
  /**
   * Group ids by name, as this process last learned them (a lookup, or the group provider's create; its delete
   * forgets them). Slack answers a lookup with the whole group, members and all: without this, every joiner of an
   * all-company group fetched it once more.
   */
  groupIds: Map<string, string>;
}

/**
 * The process's Slack session for the configured settings. One per org and process: Slack's limits are org-wide,
 * so the account and group providers (each configured separately) must draw from the same pacers. Held on
 * globalThis, never in a captured variable; keyed by the settings' content, not the object each configure made.
 */
export function slackSession(): SlackSession {
  const settings = slackSettings.get();
  const holder = globalThis as unknown as Record<string, Map<string, SlackSession> | undefined>;
  const sessions = (holder[sessionsKey] ??= new Map());
  const key = JSON.stringify(settings);
  let session = sessions.get(key);
  if (!session) {
    const http = createHttpClient({
      app: "slack",
      baseUrl: settings.baseUrl,
      auth: async () => settings.token,
      pacer: slackPaceRules(settings.paceScale),
    });
    const client = createScimClient(withKnownFeatures(http));
    const ttl = settings.snapshotTtlSeconds * 1000;
    const users =
      ttl > 0
        ? new UserSnapshot(
            () => client.users.find("userName pr"),
            (u) => [u.id],
            ttl,
          )
        : undefined;
    sessions.set(key, (session = { client, users, groupIds: new Map() }));
  }
  return session;
}

export const slackClient = (): ScimClient => slackSession().client;

/** Users holding this email (primary or secondary) or this username, deactivated ones included: one GET. */
export function findUsers(client: ScimClient, email: string, userName: string): Promise<ScimUser[]> {
  return client.users.find(scimAnyOf([scimEq("email", email), scimEq("userName", userName)]));
}

export async function findGroupByName(client: ScimClient, name: string): Promise<ScimWireGroup | undefined> {
  return (await client.groups.find(scimEq("displayName", name))).find((g) => g.displayName === name);
}

/** The failed Slack call behind an error, if it was one. */
function httpFailure(err: unknown): HttpError | undefined {
  return err instanceof HttpError && err.app === "slack" ? err : undefined;
}

/** Slack's error `detail` (`email_taken`, `cannot_disable_primary_owner`, …) of a failed call, if it was one. */
export function slackDetail(err: unknown): string | undefined {
  return httpFailure(err)?.detail;
}

export function isNotFound(err: unknown): boolean {
  return httpFailure(err)?.kind === "not-found";
}
