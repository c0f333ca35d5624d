/**
 * What an LdapAccount holds in state: its inputs (the AccountSpec) plus what the directory assigned.
 * `readBack` (pure) overlays what the directory says now onto the last known state, for refresh and drift.
 */
import type { AccountSpec } from "../../access/account-spec";
import type { LdapEntry } from "./client";
import { isEnabled } from "./lock";
import type { LdapFlavor } from "./settings";

export interface LdapAccountOutputs extends AccountSpec {
  /** The entry's DN now (it moves on rename). */
  dn: string;
  /** The manager's DN, or absent while the manager has no entry (a later update fills it in). */
  managerDn?: string;
  /** True when create found the entry already there (no password was set). */
  adopted: boolean;
  /** Set once, when idlc created the entry; a secret output (`additionalSecretOutputs`). */
  initialPassword?: string;
}

/** Declared outputs of the resource class; every other output echoes an input. */
export const ACCOUNT_OUTPUTS = ["dn", "managerDn", "adopted", "initialPassword"] as const;

export interface ReadBackExtras {
  groups: string[];
  managerEmployeeId: string | undefined;
}

export function readBack(
  olds: LdapAccountOutputs,
  entry: LdapEntry,
  flavor: LdapFlavor,
  extras: ReadBackExtras,
): LdapAccountOutputs {
  const first = (name: string) => entry.attrs[name.toLowerCase()]?.[0];
  const displayName = first("displayName") ?? olds.displayName;
  const sn = first("sn") ?? "";
  const optional = (value: string | undefined) => (value === undefined || value === "" ? undefined : value);
  return {
    ...olds,
    dn: entry.dn,
    userName: first(flavor === "ad" ? "sAMAccountName" : "uid") ?? olds.userName,
    email: first("mail") ?? "",
    givenName: first("givenName") ?? "",
    // A one-name person has their display name in the mandatory sn: that still means "no family name".
    familyName: olds.familyName === "" && sn === displayName ? "" : sn,
    displayName,
    title: optional(first("title")),
    department: optional(first(flavor === "ad" ? "department" : "departmentNumber")),
    managerDn: optional(first("manager")),
    managerEmployeeId: extras.managerEmployeeId,
    enabled: isEnabled(entry, flavor),
    groups: extras.groups,
  };
}
