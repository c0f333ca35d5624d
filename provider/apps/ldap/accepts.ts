/**
 * What the directory accepts. OpenLDAP (RFC 4519 person): `cn` and `sn` are required Directory Strings, so never
 * empty, and it enforces no length bounds; DNs are escaped (escape.ts), so any character is safe in an RDN.
 * Active Directory adds its schema's ranges: sAMAccountName ≤ 20 characters without `" / \ [ ] : ; | = , + * ? < >`,
 * cn (the entry's name, from the display name) ≤ 64, givenName and sn ≤ 64.
 */
import type { AppAccepts, FieldRule } from "../shared/accepts";
import type { LdapFlavor } from "./settings";

const displayName: FieldRule = {
  field: "displayName",
  appField: "cn and displayName",
  rule: "LDAP needs a non-empty cn (the display name)",
  required: true,
  mappable: true,
};
const AD_NAME = { maxLength: 64, mappable: true };

const ad: FieldRule[] = [
  {
    field: "userName",
    appField: "sAMAccountName",
    rule: 'Active Directory takes a sAMAccountName of at most 20 characters, without " / \\ [ ] : ; | = , + * ? < >',
    required: true,
    maxLength: 20,
    refused: /["/\\[\]:;|=,+*?<>]/,
  },
  { ...displayName, rule: "Active Directory takes a cn (the display name) of 1–64 characters", maxLength: 64 },
  {
    field: "givenName",
    appField: "givenName",
    rule: "Active Directory takes a givenName of at most 64 characters",
    ...AD_NAME,
  },
  { field: "familyName", appField: "sn", rule: "Active Directory takes an sn of at most 64 characters", ...AD_NAME },
];

/** The rules of one directory dialect. */
export function ldapAccepts(flavor: LdapFlavor): AppAccepts {
  return { label: flavor === "ad" ? "Active Directory" : "LDAP", rules: flavor === "ad" ? ad : [displayName] };
}
