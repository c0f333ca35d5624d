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

const clientsKey = "__idlcScimClients";

/** The instance's settings and a client kept for the life of the process (so pacing and features are shared). */
export function scimConnection(instance: string): { settings: ScimInstanceSettings; client: ScimClient } {
  const all = scimSettings.get();
  const settings = all[instance];
  if (!settings) throw new ScimInstanceUnknownError(instance, Object.keys(all));
  const holder = globalThis as unknown as Record<string, Map<ScimInstanceSettings, ScimClient> | undefined>;
  const clients = (holder[clientsKey] ??= new Map());
  let client = clients.get(settings);
  if (!client) {
    const http = createHttpClient({
      app: "scim",
      baseUrl: settings.baseUrl,
      auth: async () => settings.token,
      pacer: settings.pace ? createPacer(settings.pace) : undefined,
      retry: settings.retry,
      timeoutMs: settings.timeoutMs,
    });
    clients.set(settings, (client = createScimClient(http)));
  }
  return { settings, client };
}
