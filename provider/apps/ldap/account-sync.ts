/**
 * The account operations both create and update run: add a new entry, and converge an existing one (rename,
 * owned attributes, enabled state, group membership) to the spec. Each step is skipped when already true,
 * so re-running after a crash converges.
 */
import type { AccountSpec } from "../../access/account-spec";
import { accountAttributes, accountDn, accountObjectClasses, accountRdn, attributeChanges } from "./account-entry";
import type { LdapEntry, LdapSession, LdapValues } from "./client";
import { assertGroupsExist, findByEmployeeId, managerDnOf, syncMemberships } from "./directory";
import { firstRdn, parentDn } from "./escape";
import { LdapError } from "./errors";
import { enabledChanges, UAC_NEW_DISABLED } from "./lock";
import { generatePassword, passwordAttributes } from "./password";
import type { LdapSettings } from "./settings";

export interface ConvergeResult {
  dn: string;
  managerDn: string | undefined;
}

/** Adds the entry (initial password, must-change), then converges it; returns the password once. */
export async function addAccount(
  session: LdapSession,
  settings: LdapSettings,
  spec: AccountSpec,
): Promise<ConvergeResult & { initialPassword: string }> {
  const dn = accountDn(spec, settings);
  await assertGroupsExist(session, settings, spec.groups, spec.employeeId);
  const initialPassword = generatePassword();
  const owned = accountAttributes(spec, settings.flavor, await managerDnOf(session, settings, spec.managerEmployeeId));
  const attributes: Record<string, LdapValues> = { objectClass: accountObjectClasses(settings.flavor) };
  for (const [type, values] of Object.entries(owned)) if (values.length > 0) attributes[type] = values;
  Object.assign(attributes, passwordAttributes(settings.flavor, initialPassword));
  // AD creates users disabled; converge enables it by read-modify-write once the password is in place.
  if (settings.flavor === "ad") attributes["userAccountControl"] = [String(UAC_NEW_DISABLED)];
  await session.add(dn, attributes);
  const entry = await findByEmployeeId(session, settings, spec.employeeId);
  if (!entry) {
    throw new LdapError(
      "LDAP_READ_AFTER_WRITE",
      `"${dn}" was added but cannot be found by employee id ${spec.employeeId}`,
      {
        fix: "Check that peopleDN covers the new entry and the bind account can read employee ids.",
        context: { employeeId: spec.employeeId, dn },
      },
    );
  }
  return { ...(await convergeAccount(session, settings, entry, spec)), initialPassword };
}

export async function convergeAccount(
  session: LdapSession,
  settings: LdapSettings,
  entry: LdapEntry,
  spec: AccountSpec,
): Promise<ConvergeResult> {
  let dn = entry.dn;
  if (needsRename(entry, spec, settings)) {
    const newRdn = accountRdn(spec, settings);
    await session.rename(dn, newRdn);
    dn = `${newRdn},${parentDn(dn)}`;
  }
  const managerDn = await managerDnOf(session, settings, spec.managerEmployeeId);
  const changes = [
    ...attributeChangesFor(entry, spec, settings, managerDn),
    ...enabledChanges(entry, settings.flavor, spec.enabled),
  ];
  if (changes.length > 0) await session.modify(dn, changes);
  await syncMemberships(session, settings, dn, spec.groups, spec.employeeId);
  return { dn, managerDn };
}

function attributeChangesFor(
  entry: LdapEntry,
  spec: AccountSpec,
  settings: LdapSettings,
  managerDn: string | undefined,
) {
  // The naming attribute moved with the rename (modifyDN drops the old RDN value).
  return attributeChanges(entry, accountAttributes(spec, settings.flavor, managerDn), [settings.dnAttribute]);
}

/**
 * Rename when the DN's first component is not what the template gives. The server may print escapes
 * differently from us, so an RDN of the right type whose attribute holds exactly the wanted value is kept.
 */
function needsRename(entry: LdapEntry, spec: AccountSpec, settings: LdapSettings): boolean {
  const wanted = accountRdn(spec, settings);
  const current = firstRdn(entry.dn);
  if (current.toLowerCase() === wanted.toLowerCase()) return false;
  const type = current.slice(0, current.indexOf("=")).trim().toLowerCase();
  const values = entry.attrs[settings.dnAttribute] ?? [];
  const value = settings.dnAttribute === "uid" ? spec.userName : spec.displayName;
  return !(type === settings.dnAttribute && values.length === 1 && values[0] === value);
}
