/**
 * Resource names (DESIGN.md §4.1): stable across runs, so a name or email change is an update, never a replace.
 */
import type { AppName } from "../access";
import { appKey } from "../access/roles/entitlements";

/** `slack/E1001`, or `scim:github/E1001` for a SCIM instance. */
export const accountName = (app: string, employeeId: string, instance?: string) =>
  `${appKey(app, instance)}/${employeeId}`;

/** `slack/groups/engineering`, or `scim:github/groups/developers`. */
export const groupName = (app: string, group: string, instance?: string) => `${appKey(app, instance)}/groups/${group}`;

/** The employee id a resource name belongs to, or undefined for groups and foreign names. */
export function employeeIdOf(resourceName: string): string | undefined {
  const [app, rest, more] = resourceName.split("/");
  return app && rest && more === undefined && rest !== "groups" ? rest : undefined;
}

/** The app of an idlc account resource type (`pulumi-nodejs:dynamic/idlc:SlackAccount` → `slack`), else undefined. */
export function accountAppOf(type: string): AppName | undefined {
  return /^pulumi-nodejs:dynamic\/idlc:(Entra|Google|Slack|Scim|Ldap)Account$/.exec(type)?.[1]!.toLowerCase() as
    AppName | undefined;
}
