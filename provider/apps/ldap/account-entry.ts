/**
 * Pure mapping between an account spec and its directory entry, per flavor: the attributes idlc owns, the DN,
 * and the minimal modify that turns one into the other.
 */
import type { AccountSpec } from "../../access/account-spec";
import type { LdapChange, LdapEntry } from "./client";
import { and, equals, or, rdn } from "./escape";
import type { LdapFlavor, LdapSettings } from "./settings";

type Layout = Pick<LdapSettings, "flavor" | "dnAttribute" | "peopleDN">;

/** The person's identity in the directory: `employeeNumber` (inetOrgPerson) or `employeeID` (AD). */
export const employeeIdAttribute = (flavor: LdapFlavor) => (flavor === "ad" ? "employeeID" : "employeeNumber");

export const accountObjectClasses = (flavor: LdapFlavor) =>
  flavor === "ad"
    ? ["top", "person", "organizationalPerson", "user"]
    : ["top", "person", "organizationalPerson", "inetOrgPerson"];

const accountClass = (flavor: LdapFlavor) => (flavor === "ad" ? "user" : "inetOrgPerson");

/** The value of the naming attribute: the userName for `uid`, the displayName for `cn`. */
export const rdnValue = (spec: Pick<AccountSpec, "userName" | "displayName">, dnAttribute: "uid" | "cn") =>
  dnAttribute === "uid" ? spec.userName : spec.displayName;

export function accountRdn(
  spec: Pick<AccountSpec, "userName" | "displayName">,
  layout: Pick<Layout, "dnAttribute">,
): string {
  return rdn(layout.dnAttribute, rdnValue(spec, layout.dnAttribute));
}

export function accountDn(spec: Pick<AccountSpec, "userName" | "displayName">, layout: Layout): string {
  return `${accountRdn(spec, layout)},${layout.peopleDN}`;
}

const optional = (value: string | undefined) => (value ? [value] : []);

/** Every attribute idlc owns on an account, absent ones as `[]` so a modify can clear them. */
export function accountAttributes(
  spec: AccountSpec,
  flavor: LdapFlavor,
  managerDn: string | undefined,
): Record<string, string[]> {
  const common = {
    cn: [spec.displayName],
    // sn is MUST on person; a person with one name keeps their display name there.
    sn: [spec.familyName || spec.displayName],
    givenName: optional(spec.givenName),
    displayName: [spec.displayName],
    mail: [spec.email],
    employeeNumber: [spec.employeeId],
    title: optional(spec.title),
    manager: optional(managerDn),
  };
  if (flavor === "ad") {
    return {
      ...common,
      sAMAccountName: [spec.userName],
      userPrincipalName: [spec.email],
      employeeID: [spec.employeeId],
      department: optional(spec.department),
    };
  }
  return { ...common, uid: [spec.userName], departmentNumber: optional(spec.department) };
}

/** What to request when reading an account: its owned attributes plus what decides enabled/disabled. */
export function accountReadAttributes(flavor: LdapFlavor): string[] {
  const owned = Object.keys(
    accountAttributes({ employeeId: "", userName: "", email: "", displayName: "" } as AccountSpec, flavor, undefined),
  );
  return [
    ...owned,
    ...(flavor === "ad" ? ["userAccountControl", "lockoutTime"] : ["pwdAccountLockedTime", "pwdFailureTime"]),
  ];
}

/** `replace` changes for owned attributes whose values differ (order-insensitive); `skip` is the naming attribute. */
export function attributeChanges(
  current: LdapEntry,
  desired: Record<string, string[]>,
  skip: string[] = [],
): LdapChange[] {
  const skipped = new Set(skip.map((name) => name.toLowerCase()));
  const same = (a: string[], b: string[]) =>
    a.length === b.length && [...a].sort().every((value, index) => value === [...b].sort()[index]);
  return Object.entries(desired)
    .filter(([type]) => !skipped.has(type.toLowerCase()))
    .filter(([type, values]) => !same(current.attrs[type.toLowerCase()] ?? [], values))
    .map(([type, values]) => ({ operation: "replace", type, values }));
}

/** Filter for one account by employee id. */
export function byEmployeeId(flavor: LdapFlavor, employeeId: string): string {
  return and(equals("objectClass", accountClass(flavor)), equals(employeeIdAttribute(flavor), employeeId));
}

/** Filter for adoption's second chance: the same login name or email. */
export function byLoginOrMail(flavor: LdapFlavor, spec: Pick<AccountSpec, "userName" | "email">): string {
  const login =
    flavor === "ad"
      ? [equals("sAMAccountName", spec.userName), equals("userPrincipalName", spec.email)]
      : [equals("uid", spec.userName)];
  return and(equals("objectClass", accountClass(flavor)), or(...login, equals("mail", spec.email)));
}
