/**
 * The LdapGroup dynamic provider: one groupOfNames (AD: group) per managed group, under groupsDN.
 * Membership belongs to the account resources; this resource owns the group's existence, name and description,
 * and records nothing about members (the accounts change them after the group is created, so a member count here
 * would show as drift on every refresh after an up).
 * Same serialization rules as provider.ts. A rename (name change) is a modifyDN update; create adopts a group
 * of the same name; delete of a gone group succeeds; read returns an empty id when gone.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { GroupSpec } from "../../access/account-spec";
import { appSettingsStore, groupProviderBasics } from "../shared";
import { attributeChanges } from "./account-entry";
import { withLdap, type LdapEntry, type LdapSession } from "./client";
import { rdn } from "./escape";
import { ambiguousEntry, LdapError } from "./errors";
import { groupAddAttributes, groupByName, groupDn, groupOwnedAttributes, realMembers } from "./group-entry";
import { ldapSettingsSchema, type LdapSettings } from "./settings";

export interface LdapGroupOutputs extends GroupSpec {
  dn: string;
}

const settings = () => appSettingsStore<LdapSettings>("ldap").get();

export const ldapGroupProvider: pulumi.dynamic.ResourceProvider<GroupSpec, LdapGroupOutputs> = {
  ...groupProviderBasics("ldap", ldapSettingsSchema, (loaded) => appSettingsStore<LdapSettings>("ldap").set(loaded)),

  async create(inputs) {
    const config = settings();
    return withLdap(config, async (session) => {
      const existing = await findGroup(session, config, inputs.name);
      const dn = existing?.dn ?? groupDn(inputs.name, config.groupsDN);
      if (existing) await converge(session, config, existing, inputs, { placeholder: true });
      else await session.add(dn, groupAddAttributes(inputs, config.flavor, dn));
      const found = await findGroup(session, config, inputs.name);
      return { id: inputs.name, outs: { ...inputs, dn: found?.dn ?? dn } };
    });
  },

  async read(id, props) {
    const config = settings();
    return withLdap(config, async (session) => {
      const found = await findGroup(session, config, props?.name ?? id);
      if (!found) return { id: "" };
      const description = found.attrs["description"]?.[0];
      return { id, props: { ...(props ?? ({ name: id } as GroupSpec)), dn: found.dn, description } };
    });
  },

  async update(_id, olds, news) {
    const config = settings();
    return withLdap(config, async (session) => {
      let found = await findGroup(session, config, olds.name);
      if (!found) {
        throw new LdapError("LDAP_GROUP_GONE", `group "${olds.name}" is no longer in ${config.groupsDN}`, {
          fix: "Run `idlc refresh` so the next update recreates (or adopts) it.",
          context: { group: olds.name },
        });
      }
      if (olds.name !== news.name) {
        await session.rename(found.dn, rdn("cn", news.name));
        found = (await findGroup(session, config, news.name))!;
      }
      // After a rename refint rewrites the placeholder (asynchronously): touching it here would race.
      await converge(session, config, found, news, { placeholder: false });
      return { outs: { ...news, dn: found.dn } };
    });
  },

  async delete(id, props) {
    const config = settings();
    await withLdap(config, async (session) => {
      const found = await findGroup(session, config, props.name ?? id);
      if (found) await session.remove(found.dn);
    });
  },
};

async function findGroup(session: LdapSession, config: LdapSettings, name: string) {
  const found = await session.search(config.groupsDN, groupByName(config.flavor, name), [
    "cn",
    "description",
    "member",
  ]);
  if (found.length > 1)
    throw ambiguousEntry(
      `group ${name}`,
      groupByName(config.flavor, name),
      found.map((entry) => entry.dn),
    );
  return found[0];
}

/** Owned attributes to the spec; an adopted OpenLDAP group also gets its placeholder member (see group-entry.ts). */
async function converge(
  session: LdapSession,
  config: LdapSettings,
  found: LdapEntry,
  spec: GroupSpec,
  options: { placeholder: boolean },
) {
  const changes = attributeChanges(found, groupOwnedAttributes(spec, config.flavor));
  const members = found.attrs["member"] ?? [];
  if (options.placeholder && config.flavor === "openldap" && realMembers(found.dn, members).length === members.length) {
    changes.push({ operation: "add", type: "member", values: [found.dn] });
  }
  if (changes.length > 0) await session.modify(found.dn, changes);
}
