/**
 * What every rule needs to know about idlc resources: which resources are accounts, which app they belong to,
 * and the account properties (the `AccountSpec` inputs, as the engine hands them to the pack).
 * An account is a resource whose props are the whole spec: idlc's dynamic `<App>Account`, or in azuread mode
 * the `idlc:entra:AzureadAccount` record beside each `azuread.User` (`azuread-accounts.ts`). Stack rules also
 * read a User left without its record, for the spec fields it carries: a rule names the fields it reads and
 * never judges a fact that is not in the stack.
 * @internal
 */
import type { AccountSpec, Grant } from "../../provider/access/account-spec";
import { AZUREAD_ACCOUNT, recordlessUserAccount, recordlessUsers } from "./azuread-accounts";

const accountToken = /^pulumi-nodejs:dynamic\/idlc:(Entra|Google|Slack|Scim|Ldap)Account$/;

export type AccountProps = Partial<AccountSpec> & { instance?: string };

/** A spec field a rule reads. */
export type SpecField = keyof AccountProps;

/** An account as the rules see it. */
export interface Account {
  /** `entra`, `slack`, ... */
  app: string;
  /** The resource name, for messages. */
  name: string;
  props: AccountProps;
}

export interface PolicyResourceLike {
  type: string;
  name: string;
  props: Record<string, unknown>;
}

/** The account `resource` is, for a per-resource rule; undefined for anything else (an azuread User included). */
export function accountOf(resource: PolicyResourceLike): Account | undefined {
  const app = resource.type === AZUREAD_ACCOUNT ? "entra" : accountToken.exec(resource.type)?.[1].toLowerCase();
  return app ? { app, name: resource.name, props: resource.props as AccountProps } : undefined;
}

/** Every account among a stack's resources for a stack rule that reads `needs`: one per account, never two. */
export function accountsOf(resources: readonly PolicyResourceLike[], needs: readonly SpecField[]): Account[] {
  const users = recordlessUsers(resources);
  return resources.flatMap((r) => accountOf(r) ?? recordlessUserAccount(r, needs, users) ?? []);
}

/** `scim:github` for SCIM instances, the app name otherwise: the unit that budgets and limits count in. */
export function appKey({ app, props }: Account): string {
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
  return (props.grants ?? []).filter(
    (g) => g.privileged === true || (g.entitlement === "admin" && props.admin === true),
  );
}

/** The fields `who` reads, for rules that name the person. */
export const WHO: readonly SpecField[] = ["displayName", "employeeId"];

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
