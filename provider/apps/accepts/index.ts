/**
 * @module apps/accepts
 * What every app accepts, per field, from its vendor's documentation (each connector's `accepts.ts`), and the
 * verdict on a value: accepted, accepted once mapped (names only), or refused. Pure and light: `access` plans
 * with it and `idlc validate`/`preview` report with it, without loading any provider.
 *
 * @example
 * const verdict = judgeValue(appAccepts("google").rules[0], "Smith, Jr."); // { kind: "mapped", value: "Smith Jr." }
 */
import type { AppName } from "../../access/account-spec";
import { entraAccepts } from "../entra/accepts";
import { googleAccepts } from "../google/accepts";
import { ldapAccepts } from "../ldap/accepts";
import type { LdapFlavor } from "../ldap/settings";
import { scimAccepts } from "../scim/accepts";
import type { AppAccepts } from "../shared/accepts";
import { slackAccepts } from "../slack/accepts";

export { judgeValue, mapValue, reasonsRefused, showValue, safeText, localPart } from "../shared/accepts";
export type { AcceptedField, AppAccepts, FieldRule, Verdict } from "../shared/accepts";
export { googleAccepts, entraAccepts, slackAccepts, scimAccepts, ldapAccepts };

/** What decides an app's rules beyond its name: the directory's dialect (`identity:ldap` flavor). */
export interface AcceptsOptions {
  ldapFlavor?: LdapFlavor;
}

export function appAccepts(app: AppName, options: AcceptsOptions = {}): AppAccepts {
  switch (app) {
    case "google":
      return googleAccepts;
    case "entra":
      return entraAccepts;
    case "slack":
      return slackAccepts;
    case "scim":
      return scimAccepts;
    case "ldap":
      return ldapAccepts(options.ldapFlavor ?? "openldap");
  }
}
