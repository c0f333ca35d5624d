/**
 * Test helpers over the shared slapd (test/global-setup.ts): each test file gets its own subtree
 * (`ou=<tag>-<random>` with people and groups), so files never see each other's entries.
 */
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { Client } from "ldapts";
import { ldapAccountProvider, ldapGroupProvider, type LdapSettings } from "../../../provider/apps/ldap";
import { configRequest } from "./ldap-spec";

export { accountSpec, configRequest, groupSpec } from "./ldap-spec";

const provided = inject("ldap");

export const adminPassword = provided.password;

/** A fresh subtree, with both providers configured for it. */
export async function isolatedTree(tag: string): Promise<LdapSettings> {
  const baseDN = `ou=${tag}-${randomBytes(4).toString("hex")},${provided.baseDN}`;
  await asAdmin(async (client) => {
    await client.add(baseDN, { objectClass: "organizationalUnit", ou: baseDN.slice(3, baseDN.indexOf(",")) });
    await client.add(`ou=people,${baseDN}`, { objectClass: "organizationalUnit", ou: "people" });
    await client.add(`ou=groups,${baseDN}`, { objectClass: "organizationalUnit", ou: "groups" });
  });
  const settings = {
    url: provided.url,
    bindDN: provided.bindDN,
    bindPassword: provided.password,
    baseDN,
    flavor: "openldap" as const,
  };
  await ldapAccountProvider.configure!(configRequest(settings) as never);
  await ldapGroupProvider.configure!(configRequest(settings) as never);
  return { ...settings, peopleDN: `ou=people,${baseDN}`, groupsDN: `ou=groups,${baseDN}`, dnAttribute: "uid" };
}

export async function asAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ url: provided.url, timeout: 5000, connectTimeout: 2000 });
  try {
    await client.bind(provided.bindDN, provided.password);
    return await work(client);
  } finally {
    await client.unbind();
  }
}

/** Whether `dn` can bind with `password` (a locked account cannot: 49 invalidCredentials). */
export async function canBind(dn: string, password: string): Promise<boolean> {
  const client = new Client({ url: provided.url, timeout: 5000, connectTimeout: 2000 });
  try {
    await client.bind(dn, password);
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 49) return false;
    throw error;
  } finally {
    await client.unbind();
  }
}
