/**
 * @module apps/ldap
 * The LDAP / Active Directory connector: `LdapAccount` (inetOrgPerson or AD user) and `LdapGroup`
 * (groupOfNames or AD group) dynamic resources, configured by `identity:ldap`
 * `{url, bindDN, bindPassword, baseDN, peopleDN?, groupsDN?, flavor: openldap|ad, dnAttribute?: uid|cn}`.
 * Disabling is ppolicy's permanent `pwdAccountLockedTime` (OpenLDAP) or `userAccountControl` bit 0x2 (AD).
 * Every HR value entering a DN or filter is escaped (RFC 4514 / RFC 4515) by `escape.ts`.
 */
export { LdapAccount, type LdapAccountArgs } from "./account";
export { LdapGroup, type LdapGroupArgs } from "./group";
export { ldapAccountProvider } from "./provider";
export { ldapGroupProvider, type LdapGroupOutputs } from "./group-provider";
export { readBack, type LdapAccountOutputs } from "./account-outputs";
export { accountAttributes, accountDn, attributeChanges, byEmployeeId, byLoginOrMail } from "./account-entry";
export { and, equals, escapeDnValue, escapeFilterValue, firstRdn, or, parentDn, rdn } from "./escape";
export { enabledChanges, isEnabled, PERMANENT_LOCK, withDisabledBit } from "./lock";
export { withLdap, type LdapEntry, type LdapSession } from "./client";
export { LdapError } from "./errors";
export { ldapSettingsSchema, type LdapFlavor, type LdapSettings } from "./settings";
