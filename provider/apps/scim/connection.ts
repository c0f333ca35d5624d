import type * as zod from "zod";
import { createHttpClient, createPacer } from "../../net";
import { appSettingsStore, type SchemaFactory } from "../shared";
import { createScimClient, type ScimClient } from "./client";
import { ScimInstanceUnknownError } from "./errors";

/** One SCIM app as configured under `identity:scim.<instance>`. */
export interface ScimInstanceSettings {
  baseUrl: string;
  token: string;
  /** `delete` removes the account after retention; `deactivate` only ever sets `active:false`. */
  deleteMode: "delete" | "deactivate";
  attributeMapping?: Record<string, string | null>;
  /** How long after create a 404 is treated as read-after-write lag (default 5 s). */
  readAfterWriteMs: number;
  /** The app's documented request limit, when it has one. */
  pace?: { perMinute: number; burst: number };
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number; maxTotalDelayMs?: number };
  timeoutMs?: number;
}
export type ScimSettings = Record<string, ScimInstanceSettings>;

/** `identity:scim`: `{ <instance>: { baseUrl, token, deleteMode, attributeMapping?, … } }`. */
export const scimSettingsSchema: SchemaFactory<ScimSettings> = (z: typeof zod.z) =>
  z.record(
    z.string().min(1),
    z.object({
      baseUrl: z.string().regex(/^https?:\/\//, "must be an http(s) URL"),
      token: z.string().min(1),
      deleteMode: z.enum(["delete", "deactivate"]).default("delete"),
      attributeMapping: z.record(z.string(), z.string().nullable()).optional(),
      readAfterWriteMs: z.number().int().min(0).default(5000),
      pace: z.object({ perMinute: z.number().positive(), burst: z.number().int().min(1) }).optional(),
      retry: z
        .object({
          maxAttempts: z.number().int().min(1),
          baseDelayMs: z.number().min(0),
          maxDelayMs: z.number().min(0),
          maxTotalDelayMs: z.number().min(0),
        })
        .partial()
        .optional(),
      timeoutMs: z.number().int().positive().optional(),
    }),
  ) as unknown as zod.ZodType<ScimSettings>;

export const scimSettings = appSettingsStore<ScimSettings>("scim");

const connectionsKey = "__idlcScimConnections";

/** What one process keeps for one SCIM app, for as long as its settings stand. */
export interface ScimConnection {
  settings: ScimInstanceSettings;
  /** Its pacing and the server's features are shared by every resource of the app. */
  client: ScimClient;
  /**
   * Group ids by name, as this process last learned them (an account's lookup, or the group provider's create; its
   * delete forgets them): a group's answer carries all its members, so each joiner looking it up again costs a
   * download of the whole group.
   */
  groupIds: Map<string, string>;
}

/**
 * The instance's connection, kept for the life of the process. Keyed by the settings' content, not the object each
 * configure made: the account and group providers are configured separately and must share the app's pacer.
 */
export function scimConnection(instance: string): ScimConnection {
  const all = scimSettings.get();
  const settings = all[instance];
  if (!settings) throw new ScimInstanceUnknownError(instance, Object.keys(all));
  const holder = globalThis as unknown as Record<string, Map<string, ScimConnection> | undefined>;
  const connections = (holder[connectionsKey] ??= new Map());
  const key = JSON.stringify(settings);
  let connection = connections.get(key);
  if (!connection) {
    const http = createHttpClient({
      app: "scim",
      baseUrl: settings.baseUrl,
      auth: async () => settings.token,
      pacer: settings.pace ? createPacer(settings.pace) : undefined,
      retry: settings.retry,
      timeoutMs: settings.timeoutMs,
    });
    connection = { settings, client: createScimClient(http), groupIds: new Map() };
    connections.set(key, connection);
  }
  return connection;
}
