import type { HrField } from "./fields";

/**
 * The export fields each app's accounts are built from, beyond id, names and status (every app needs those,
 * and `requiredFields` already demands them): every app addresses its account by the work email (Entra `mail`,
 * Google `primaryEmail`, Slack and SCIM `emails`, LDAP `mail`). Keyed by the app names of `identity:apps`.
 */
const appFields: Record<string, readonly HrField[]> = {
  entra: ["workEmail"],
  google: ["workEmail"],
  slack: ["workEmail"],
  scim: ["workEmail"],
  ldap: ["workEmail"],
};

/** The apps `identity:apps` enables when unset: all of them. */
export const allApps: readonly string[] = Object.keys(appFields);

/** Field → the apps among `apps` that need it, in `apps` order; names no app table knows are left to `access/`. */
export function fieldsNeededBy(apps: readonly string[]): Map<HrField, string[]> {
  const needed = new Map<HrField, string[]>();
  for (const app of apps) {
    for (const field of appFields[app] ?? []) needed.set(field, [...(needed.get(field) ?? []), app]);
  }
  return needed;
}

/**
 * What reading a stack's export must know about its apps, from the stack file's `config:` map: `identity:apps`
 * (all apps when unset or not a list; `access/` reports a malformed one) and `identity:roles` emailDomain.
 */
export function stackNeeds(raw: Readonly<Record<string, unknown>>): { apps: readonly string[]; emailDomain?: string } {
  const apps = raw["identity:apps"];
  const roles = raw["identity:roles"];
  const domain = roles && typeof roles === "object" ? (roles as { emailDomain?: unknown }).emailDomain : undefined;
  return {
    apps: Array.isArray(apps) && apps.every((a) => typeof a === "string") ? apps : allApps,
    ...(typeof domain === "string" && domain !== "" ? { emailDomain: domain } : {}),
  };
}
