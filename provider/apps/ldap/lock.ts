/**
 * Enabled or disabled, as each directory expresses it (pure). OpenLDAP: ppolicy's `pwdAccountLockedTime`
 * set to `000001010000Z` is a permanent, admin-only lock, removed to unlock. Active Directory: bit 0x2 of
 * `userAccountControl`, flipped by read-modify-write so other bits (no-expiry, smartcard, …) survive.
 */
import type { LdapChange, LdapEntry } from "./client";
import type { LdapFlavor } from "./settings";

export const PERMANENT_LOCK = "000001010000Z";
export const UAC_ACCOUNTDISABLE = 0x2;
/** A normal account, disabled: what a new AD user is created with before its password is set. */
export const UAC_NEW_DISABLED = 0x200 | UAC_ACCOUNTDISABLE;

export function withDisabledBit(uac: number, disabled: boolean): number {
  return disabled ? uac | UAC_ACCOUNTDISABLE : uac & ~UAC_ACCOUNTDISABLE;
}

/**
 * OpenLDAP: only the permanent lock counts as disabled; a lockout after failed binds is a password matter,
 * not an HR state, so such an account is still "enabled" (and is unlocked on the next enable).
 */
export function isEnabled(entry: LdapEntry, flavor: LdapFlavor): boolean {
  if (flavor === "ad")
    return (Number(entry.attrs["useraccountcontrol"]?.[0] ?? UAC_NEW_DISABLED) & UAC_ACCOUNTDISABLE) === 0;
  return !(entry.attrs["pwdaccountlockedtime"] ?? []).includes(PERMANENT_LOCK);
}

/** The modify that makes `entry` enabled or disabled; empty when it already is. */
export function enabledChanges(entry: LdapEntry, flavor: LdapFlavor, enabled: boolean): LdapChange[] {
  if (flavor === "ad") {
    const uac = Number(entry.attrs["useraccountcontrol"]?.[0] ?? UAC_NEW_DISABLED);
    const changes: LdapChange[] = [];
    const next = withDisabledBit(uac, !enabled);
    if (next !== uac) changes.push({ operation: "replace", type: "userAccountControl", values: [String(next)] });
    const lockedOut = (entry.attrs["lockouttime"]?.[0] ?? "0") !== "0";
    if (enabled && lockedOut) changes.push({ operation: "replace", type: "lockoutTime", values: ["0"] });
    return changes;
  }
  const locked = entry.attrs["pwdaccountlockedtime"] ?? [];
  if (!enabled)
    return isEnabled(entry, flavor)
      ? [{ operation: "replace", type: "pwdAccountLockedTime", values: [PERMANENT_LOCK] }]
      : [];
  const changes: LdapChange[] = [];
  if (locked.length > 0) changes.push({ operation: "delete", type: "pwdAccountLockedTime", values: [] });
  if ((entry.attrs["pwdfailuretime"] ?? []).length > 0)
    changes.push({ operation: "delete", type: "pwdFailureTime", values: [] });
  return changes;
}
