/**
 * Pure mapping for groups. OpenLDAP `groupOfNames` must always have a member (removing the last one is an
 * objectClassViolation, and refint would fail deleting a user who is a last member), so every group idlc
 * creates keeps ITS OWN DN as a permanent placeholder member. It always resolves to an entry that exists, needs
 * no extra object, and never races with concurrent membership changes; listings exclude it. AD `group` may be
 * empty and gets no placeholder.
 */
import type { GroupSpec } from "../../access/account-spec";
import { and, equals, rdn } from "./escape";
import type { LdapFlavor, LdapSettings } from "./settings";

export const groupClass = (flavor: LdapFlavor) => (flavor === "ad" ? "group" : "groupOfNames");

export const groupDn = (name: string, groupsDN: string) => `${rdn("cn", name)},${groupsDN}`;

export function groupAddAttributes(spec: GroupSpec, flavor: LdapFlavor, dn: string): Record<string, string[]> {
  const description = spec.description ? [spec.description] : [];
  if (flavor === "ad")
    return { objectClass: ["top", "group"], cn: [spec.name], sAMAccountName: [spec.name], description };
  const attributes: Record<string, string[]> = { objectClass: ["top", "groupOfNames"], cn: [spec.name], member: [dn] };
  return description.length ? { ...attributes, description } : attributes;
}

/** Owned attributes that an update keeps in line (cn is the RDN and moves by rename). */
export function groupOwnedAttributes(spec: GroupSpec, flavor: LdapFlavor): Record<string, string[]> {
  const description = spec.description ? [spec.description] : [];
  return flavor === "ad" ? { sAMAccountName: [spec.name], description } : { description };
}

export const groupByName = (flavor: LdapFlavor, name: string) =>
  and(equals("objectClass", groupClass(flavor)), equals("cn", name));

export const groupsWithMember = (flavor: LdapFlavor, memberDn: string) =>
  and(equals("objectClass", groupClass(flavor)), equals("member", memberDn));

/** Real members: everything but the group's own placeholder DN (compared case-insensitively, as DNs are). */
export function realMembers(groupDnAsStored: string, members: string[]): string[] {
  const self = groupDnAsStored.toLowerCase();
  return members.filter((member) => member.toLowerCase() !== self);
}

export type GroupLayout = Pick<LdapSettings, "flavor" | "groupsDN">;
