/**
 * `identity:ldap` stack config: where the directory is, how to bind, and which dialect it speaks.
 * The schema is a factory given zod, so the serialized provider carries no zod objects.
 */
import type * as zod from "zod";
import { appSettingsStore, credentialsMode, publicSettings } from "../shared";

export type LdapFlavor = "openldap" | "ad";

export interface LdapSettings {
  url: string;
  bindDN: string;
  bindPassword: string;
  baseDN: string;
  /** Where accounts are created and searched (subtree); default `ou=people,<baseDN>`. */
  peopleDN: string;
  /** Where groups are created and searched (subtree); default `ou=groups,<baseDN>`. */
  groupsDN: string;
  flavor: LdapFlavor;
  /**
   * The naming attribute of account DNs: `<dnAttribute>=<value>,<peopleDN>`. `uid` takes the userName,
   * `cn` the displayName. Default `uid` for OpenLDAP, `cn` for Active Directory (its convention).
   */
  dnAttribute: "uid" | "cn";
}

/** The schema for `readAppSettings` (apps/shared); given zod, so zod is loaded only when configure runs. */
export const ldapSettingsSchema = (z: typeof zod.z) =>
  z
    .object({
      url: z.string().regex(/^ldaps?:\/\/[^/\s]+\/?$/, "expected ldap://host:port or ldaps://host:port"),
      bindDN: z.string().min(1),
      bindPassword: z.string().min(1),
      baseDN: z.string().min(1),
      peopleDN: z.string().min(1).optional(),
      groupsDN: z.string().min(1).optional(),
      flavor: z.enum(["openldap", "ad"]).default("openldap"),
      dnAttribute: z.enum(["uid", "cn"]).optional(),
    })
    .strict()
    // AD accepts a password (unicodePwd) only on an encrypted connection.
    .refine((raw) => raw.flavor !== "ad" || raw.url.startsWith("ldaps://"), {
      message: "flavor ad needs an ldaps:// url",
      path: ["url"],
    })
    .transform((raw): LdapSettings => ({
      ...raw,
      peopleDN: raw.peopleDN ?? `ou=people,${raw.baseDN}`,
      groupsDN: raw.groupsDN ?? `ou=groups,${raw.baseDN}`,
      dnAttribute: raw.dnAttribute ?? (raw.flavor === "ad" ? "cn" : "uid"),
    }));

/**
 * The directory's flavor: from the settings `configure()` stored, or — in a run without credentials (preview) —
 * from the non-secret fields of `identity:ldap`, defaulting as the schema does.
 */
export function ldapFlavor(): LdapFlavor {
  if (credentialsMode() === "none") return publicSettings("ldap")?.flavor === "ad" ? "ad" : "openldap";
  return appSettingsStore<LdapSettings>("ldap").get().flavor;
}
