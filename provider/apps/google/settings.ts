/**
 * `identity:google` stack config: the Directory API root, the OAuth token endpoint, the Workspace domain and
 * customer, and a service-account key with domain-wide delegation impersonating `subject` (a super admin).
 * The schema is a factory given zod, so the serialized provider carries no zod objects.
 */
import type * as zod from "zod";

export interface ServiceAccountKey {
  client_email: string;
  private_key: string;
  private_key_id?: string;
  token_uri?: string;
}

export interface GoogleSettings {
  /** `https://admin.googleapis.com/admin/directory/v1` in production; the sandbox's URL locally. */
  baseUrl: string;
  /** `https://oauth2.googleapis.com/token` in production (default: the key's `token_uri`). */
  tokenUrl: string;
  domain: string;
  /** `my_customer` (the default) or the customer id. */
  customerId: string;
  serviceAccountKey: ServiceAccountKey;
  /** The admin the service account acts as (JWT `sub`). */
  subject: string;
  /** Org unit per department (exact department name → `/Path`); others go to `defaultOrgUnit`. */
  orgUnits: Record<string, string>;
  defaultOrgUnit: string;
  /** How long a refresh snapshot of all users serves reads before it is listed again. */
  snapshotTtlSeconds: number;
  /** Multiplies the documented 2,400 queries/min the client paces itself to; only a sandbox tolerates more than 1. */
  paceScale: number;
  /** `readonly` asks only for the `.readonly` scopes: set by a read-only refresh (`identity:google.readOnly`). */
  scopes: "full" | "readonly";
}

const SCOPES = ["user", "group", "group.member", "orgunit"].map(
  (s) => `https://www.googleapis.com/auth/admin.directory.${s}`,
);
export const GOOGLE_SCOPES = SCOPES.join(" ");
/** What a read-only refresh asks for: Google's `.readonly` variant of each scope. */
export const GOOGLE_READONLY_SCOPES = SCOPES.map((s) => `${s}.readonly`).join(" ");

export const googleSettingsSchema = (z: typeof zod.z) => {
  const key = z
    .object({
      client_email: z.string().min(1),
      private_key: z.string().includes("PRIVATE KEY"),
      private_key_id: z.string().optional(),
      token_uri: z.string().optional(),
    })
    .passthrough();
  const orgUnit = z.string().regex(/^\/.*/, "an org unit path starts with /");
  return z
    .object({
      baseUrl: z
        .string()
        .regex(
          /^https?:\/\/\S+$/,
          "expected the Directory API root, e.g. https://admin.googleapis.com/admin/directory/v1",
        )
        .default("https://admin.googleapis.com/admin/directory/v1"),
      tokenUrl: z
        .string()
        .regex(/^https?:\/\/\S+$/)
        .optional(),
      domain: z.string().min(1),
      customerId: z.string().default("my_customer"),
      // Pulumi secrets arrive as strings: accept the key file's JSON text or the parsed object.
      serviceAccountKey: z.union([
        z
          .string()
          .transform((text, ctx) => {
            try {
              return JSON.parse(text) as unknown;
            } catch {
              ctx.addIssue({ code: "custom", message: "serviceAccountKey is not the key file's JSON" });
              return z.NEVER;
            }
          })
          .pipe(key),
        key,
      ]),
      subject: z.string().includes("@", { message: "subject must be the email of a super admin to impersonate" }),
      orgUnits: z.record(z.string(), orgUnit).default({}),
      defaultOrgUnit: orgUnit.default("/"),
      snapshotTtlSeconds: z.number().int().min(0).default(300),
      paceScale: z.number().positive().default(1),
      scopes: z.enum(["full", "readonly"]).default("full"),
    })
    .strict()
    .transform((raw): GoogleSettings => {
      const tokenUrl = raw.tokenUrl ?? raw.serviceAccountKey.token_uri ?? "https://oauth2.googleapis.com/token";
      return {
        ...raw,
        baseUrl: raw.baseUrl.replace(/\/+$/, ""),
        domain: raw.domain.toLowerCase(),
        tokenUrl,
        serviceAccountKey: raw.serviceAccountKey as ServiceAccountKey,
      };
    });
};
