/**
 * What every rule needs to know about idlc resources: which type tokens are accounts, which app they
 * belong to, and the account properties (the `AccountSpec` inputs, as the engine hands them to the pack).
 * @internal
 */
import type { AccountSpec, Grant } from "../../provider/access/account-spec";

const accountToken = /^pulumi-nodejs:dynamic\/idlc:(Entra|Google|Slack|Scim|Ldap)Account$/;

export type AccountProps = Partial<AccountSpec> & { instance?: string };

export interface AccountResource {
  type: string;
  name: string;
  urn: string;
  props: AccountProps;
}

/** The app an account token belongs to (`slack`), or undefined for anything that is not an idlc account. */
export function accountApp(type: string): string | undefined {
  return accountToken.exec(type)?.[1].toLowerCase();
}

/** `scim:github` for SCIM instances, the app name otherwise: the unit that budgets and limits count in. */
export function appKey(type: string, props: AccountProps): string {
  const app = accountApp(type) ?? "unknown";
  return app === "scim" && props.instance ? `scim:${props.instance}` : app;
}

/** The person an account belongs to, for messages: `Jane Doe (E1001)`. */
export function who(props: AccountProps): string {
  return props.displayName ? `${props.displayName} (${props.employeeId})` : String(props.employeeId);
}

/** Every role id behind any of the account's entitlements, sorted. */
export function rolesOf(props: AccountProps): string[] {
  return [...new Set((props.grants ?? []).flatMap((g) => g.roleIds))].sort();
}

/** Grants that make the account privileged: admin rights, or a grant marked privileged by its role. */
export function privilegedGrants(props: AccountProps): Grant[] {
  return (props.grants ?? []).filter((g) => g.privileged === true || (g.entitlement === "admin" && props.admin === true));
}

/** The date policies judge expiry against: `asOf` from policy config (tests, time travel), else today (UTC). */
export function today(asOf?: string): string {
  return asOf ?? new Date().toISOString().slice(0, 10);
}

/** `date` moved by `days`, both as ISO days. */
export function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
