import { beforeAll, describe, expect, test } from "vitest";
import type {
  LdapAccountOutputs,
  LdapGroupOutputs,
  ldapAccountProvider,
  ldapGroupProvider,
} from "../../../provider/apps/ldap";
import { rehydrateProvider, storedProvider } from "../../support/stored-provider";
import { accountSpec, configRequest, groupSpec, isolatedTree } from "./ldap-fixture";

type AccountProvider = typeof ldapAccountProvider;
type GroupProvider = typeof ldapGroupProvider;

describe("LDAP providers loaded from the text state stores, as the host loads it", () => {
  let accountText: string;
  let accounts: AccountProvider;
  let groups: GroupProvider;

  beforeAll(async () => {
    const tree = await isolatedTree("serialized");
    accountText = await storedProvider("provider/apps/ldap/account.ts", "storedLdapAccountProvider");
    accounts = rehydrateProvider<AccountProvider>(accountText);
    groups = rehydrateProvider<GroupProvider>(
      await storedProvider("provider/apps/ldap/group.ts", "storedLdapGroupProvider"),
    );
    const { peopleDN: _p, groupsDN: _g, dnAttribute: _d, ...config } = tree;
    await accounts.configure!(configRequest(config) as never);
    await groups.configure!(configRequest(config) as never);
  }, 60_000);

  test("the stored text carries no connector code and no credential, only where to load it from", () => {
    expect(accountText).toContain("provider/apps/ldap/provider");
    expect(accountText.length).toBeLessThan(1_000);
    expect(accountText).not.toMatch(/bindPassword":|cn=admin/);
  });

  test("create → read → update → disable → delete through the rehydrated providers", async () => {
    const group = (await groups.create(groupSpec("serialized"))).outs as LdapGroupOutputs;
    const spec = accountSpec({
      employeeId: "E8001",
      userName: "roundtrip",
      email: "rt@example.com",
      groups: ["serialized"],
    });
    const created = await accounts.create(spec);
    const outs = created.outs as LdapAccountOutputs;
    expect(outs).toMatchObject({ adopted: false, enabled: true });
    expect((await accounts.read!("E8001", outs)).props).toMatchObject({
      groups: ["serialized"],
      userName: "roundtrip",
    });
    const renamed = (await accounts.update!("E8001", outs, { ...spec, userName: "roundtrip2", enabled: false }))
      .outs as LdapAccountOutputs;
    expect(renamed.dn).toMatch(/^uid=roundtrip2,/);
    await accounts.delete!("E8001", renamed);
    expect((await accounts.read!("E8001", renamed)).id).toBe("");
    await groups.delete!("serialized", group);
    expect((await groups.read!("serialized", group)).id).toBe("");
  });
});
