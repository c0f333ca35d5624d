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
