/**
 * `identity:slack` stack config: the SCIM base URL and an OAuth user token with the `admin` scope.
 * The schema is a factory given zod, so the serialized provider carries no zod objects.
 */
import type * as zod from "zod";

export interface SlackSettings {
  /** `https://api.slack.com/scim/v2` in production; the sandbox emulator's URL locally. */
  baseUrl: string;
  token: string;
  /**
   * Multiplies the documented rate limits the client paces itself to. 1 (the default) is Slack's real budget;
   * only a sandbox started with the same scale tolerates more.
   */
  paceScale: number;
  /** How long one listing of every user serves refresh reads (0: every read is its own GET). Default 300. */
  snapshotTtlSeconds: number;
}

export const slackSettingsSchema = (z: typeof zod.z) =>
  z
    .object({
      baseUrl: z
        .string()
        .regex(/^https?:\/\/\S+\/scim\/v2\/?$/, "expected the SCIM v2 root, e.g. https://api.slack.com/scim/v2")
        .default("https://api.slack.com/scim/v2"),
      token: z.string().min(1),
      paceScale: z.number().positive().default(1),
      snapshotTtlSeconds: z.number().int().min(0).default(300),
    })
    .strict()
    .transform((raw): SlackSettings => ({ ...raw, baseUrl: raw.baseUrl.replace(/\/+$/, "") }));
