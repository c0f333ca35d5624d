/**
 * `identity:entra` stack config: the Graph root, the tenant, an app registration's client id and secret
 * (application permissions User.ReadWrite.All, GroupMember.ReadWrite.All), and the domain UPNs are made in.
 * The schema is a factory given zod, so the serialized provider carries no zod objects.
 */
import type * as zod from "zod";

export interface EntraSettings {
  /** `https://graph.microsoft.com/v1.0` in production; the sandbox's URL locally. */
  graphUrl: string;
  /** Default `https://login.microsoftonline.com/<tenantId>/oauth2/v2.0/token`. */
  tokenUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** A verified domain: `userName` without `@` becomes `<userName>@<domain>`. */
  domain: string;
  /** mailNickname of the role-assignable group that makes a member an admin (AccountSpec.admin). */
  adminGroup?: string;
  /** How long a refresh snapshot of all users serves reads before it is listed again. */
  snapshotTtlSeconds: number;
  /** Multiplies the documented write budget the client paces itself to; only a sandbox tolerates more than 1. */
  paceScale: number;
}

export const entraSettingsSchema = (z: typeof zod.z) =>
  z
    .object({
      graphUrl: z
        .string()
        .regex(/^https?:\/\/\S+\/v1\.0\/?$/, "expected the Graph v1.0 root, e.g. https://graph.microsoft.com/v1.0")
        .default("https://graph.microsoft.com/v1.0"),
      // `mode: graph` is this connector; `azuread` mode never reaches it (provider/apps/entra-azuread).
      mode: z.literal("graph").optional(),
      tokenUrl: z
        .string()
        .regex(/^https?:\/\/\S+$/)
        .optional(),
      tenantId: z.string().min(1),
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
      domain: z.string().min(1),
      adminGroup: z.string().min(1).optional(),
      snapshotTtlSeconds: z.number().int().min(0).default(300),
      paceScale: z.number().positive().default(1),
    })
    .strict()
    .transform((raw): EntraSettings => ({
      ...raw,
      graphUrl: raw.graphUrl.replace(/\/+$/, ""),
      domain: raw.domain.toLowerCase(),
      tokenUrl: raw.tokenUrl ?? `https://login.microsoftonline.com/${raw.tenantId}/oauth2/v2.0/token`,
    }));
