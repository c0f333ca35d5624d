import { beforeAll, describe, expect, test } from "vitest";
import {
  equals,
  ldapAccountProvider as accounts,
  ldapGroupProvider as groups,
  type LdapAccountOutputs,
  type LdapSettings,
} from "../../../provider/apps/ldap";
import { accountSpec, asAdmin, isolatedTree } from "./ldap-fixture";

// Hostile or merely unusual HR values. The wildcard-like ones come last, so that if a filter were injectable,
// creating them would adopt (hijack) one of the entries already there.
const NAMES = [
  "Smith, John",
  "a+b",
  "#hash",
  "\\00",
  "a\u0000b",
  " leading",
  "trailing ",
  "Zoë Ångström 山田",
  'quote"semi;<lt>=eq\\back',
  "x)(uid=*",
  "*",
];

const search = (base: string, filter: string) =>
  asAdmin(
    async (client) =>
      (await client.search(base, { filter, attributes: ["uid", "employeeNumber", "cn"] })).searchEntries,
  );

describe("escaping against slapd: no HR value can inject", () => {
  let tree: LdapSettings;
  const created = new Map<string, LdapAccountOutputs>();
  const id = (name: string) => `id:${name}`;
  const spec = (name: string, index: number) =>
    accountSpec({
      employeeId: id(name),
      userName: name,
      email: `person${index}@example.com`,
      givenName: name,
      familyName: name,
      displayName: name,
      groups: [`g ${name}`],
    });

  beforeAll(async () => {
    tree = await isolatedTree("inject");
    for (const [index, name] of NAMES.entries()) {
      await groups.create({ name: `g ${name}`, displayName: name, privileged: false, roleIds: [] });
      created.set(name, (await accounts.create(spec(name, index))).outs as LdapAccountOutputs);
    }
  });

  test.each(NAMES)("%j is created as a new entry (nothing adopted) and reads back exactly", async (name) => {
    const outs = created.get(name)!;
    expect(outs.adopted).toBe(false);
    const read = await accounts.read!(id(name), outs);
    expect(read.props).toMatchObject({
      userName: name,
      displayName: name,
      givenName: name,
      familyName: name,
      groups: [`g ${name}`],
    });
    const [entry] = await search(outs.dn, "(objectClass=*)");
    expect(entry?.["uid"]).toBe(name);
    const stamp = async () =>
      asAdmin(
        async (client) =>
          (await client.search(outs.dn, { scope: "base", attributes: ["modifyTimestamp", "entryCSN"] }))
            .searchEntries[0]?.["entryCSN"],
      );
    const before = await stamp();
    const same = (await accounts.update!(id(name), outs, spec(name, NAMES.indexOf(name)))).outs as LdapAccountOutputs;
    expect(same.dn).toBe(outs.dn);
    expect(await stamp()).toBe(before);
  });

  test.each(NAMES)("searching for %j by uid, cn or employee id matches that entry and nothing else", async (name) => {
    for (const filter of [equals("uid", name), equals("cn", name), equals("employeeNumber", id(name))]) {
      const found = await search(tree.baseDN, filter);
      expect(found.map((entry) => entry["employeeNumber"])).toEqual([id(name)]);
    }
  });

  test("the people subtree holds exactly one entry per name", async () => {
    expect(await search(tree.peopleDN, "(objectClass=inetOrgPerson)")).toHaveLength(NAMES.length);
  });

  test.each(NAMES)("%j survives a rename and a delete that touches only its own entry", async (name) => {
    const index = NAMES.indexOf(name);
    const renamed = { ...spec(name, index), userName: `${name}+2`, displayName: `${name}, Jr.` };
    const outs = (await accounts.update!(id(name), created.get(name)!, renamed)).outs as LdapAccountOutputs;
    expect((await accounts.read!(id(name), outs)).props).toMatchObject({
      userName: `${name}+2`,
      displayName: `${name}, Jr.`,
    });
    const disabled = (await accounts.update!(id(name), outs, { ...renamed, enabled: false }))
      .outs as LdapAccountOutputs;
    await accounts.delete!(id(name), disabled);
    expect(await search(tree.baseDN, equals("employeeNumber", id(name)))).toEqual([]);
    const others = NAMES.filter((other) => NAMES.indexOf(other) > index);
    expect(await search(tree.peopleDN, "(objectClass=inetOrgPerson)")).toHaveLength(others.length);
  });
});
