/**
 * `identity:<app>.readOnly`: the vendor's read-only credential, used by `idlc refresh` (IDLC_CREDENTIALS=read-only)
 * in place of the write credential; `up` never reads it. Set it as its own secret, e.g.
 * `pulumi config set --path --secret identity:ldap.readOnly.bindPassword …`.
 */
import { AppSettingsError } from "./errors";

interface ReadOnlyGrant {
  /** The credential fields `readOnly` may hold; they replace the write ones in a read-only run. */
  fields: readonly string[];
  /** Set in a read-only run besides the fields (Google asks for the `.readonly` scopes). */
  marks?: Record<string, unknown>;
}

/** Per app: its read-only grant, or why the vendor has none. */
export const READ_ONLY_GRANTS: Record<string, ReadOnlyGrant | string> = {
  // An app registration with the application permissions User.Read.All and GroupMember.Read.All.
  entra: { fields: ["clientId", "clientSecret"] },
  // A service account whose domain-wide delegation lists only the admin.directory.*.readonly scopes.
  google: { fields: ["serviceAccountKey", "subject"], marks: { scopes: "readonly" } },
  // A service DN the directory's ACLs let read, not write, the people and groups subtrees.
  ldap: { fields: ["bindDN", "bindPassword"] },
  // Only where the app issues a read-only provisioning token; SCIM itself has no scopes.
  scim: { fields: ["token"] },
  slack: "Slack's SCIM API has no read-only token (only an admin-scoped user token): refresh uses identity:slack.token",
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Removes `readOnly` from one app's settings node and, in a read-only run, lays its fields over the write ones.
 * @throws AppSettingsError when `readOnly` names a field that is no credential of the app, or the app has none
 */
export function applyReadOnly(app: string, key: string, node: unknown, readOnlyRun: boolean): unknown {
  if (!isObject(node) || !("readOnly" in node)) return node;
  const { readOnly, ...base } = node;
  const grant = READ_ONLY_GRANTS[app];
  const fix = `Remove ${key}.readOnly, or give it only the app's read-only credential fields (docs/GITOPS.md §2).`;
  if (grant === undefined || typeof grant === "string") {
    throw new AppSettingsError(app, `${key}.readOnly`, grant ?? `${app} has no read-only credential`, fix);
  }
  if (!isObject(readOnly)) throw new AppSettingsError(app, `${key}.readOnly`, "is not a map of credential fields", fix);
  const unknown = Object.keys(readOnly).filter((f) => !grant.fields.includes(f));
  if (unknown.length > 0) {
    const problem = `is not a read-only credential field of ${app} (${grant.fields.join(", ")})`;
    throw new AppSettingsError(app, `${key}.readOnly.${unknown[0]}`, problem, fix);
  }
  return readOnlyRun ? { ...base, ...readOnly, ...grant.marks } : base;
}
