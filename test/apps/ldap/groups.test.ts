import { beforeAll, describe, expect, test } from "vitest";
import {
  ldapAccountProvider as accounts,
  ldapGroupProvider as groups,
  type LdapAccountOutputs,
  type LdapGroupOutputs,
  type LdapSettings,
} from "../../../provider/apps/ldap";
import { accountSpec, asAdmin, groupSpec, isolatedTree } from "./ldap-fixture";

const membersOf = (dn: string) =>
  asAdmin(async (client) => {
    const { searchEntries } = await client.search(dn, { scope: "base", attributes: ["member"] });
    return [searchEntries[0]?.["member"] ?? []].flat().map(String);
  });

const memberOf = (dn: string) =>
  asAdmin(async (client) =>
    [(await client.search(dn, { scope: "base", attributes: ["memberOf"] })).searchEntries[0]?.["memberOf"] ?? []]
      .flat()
      .map(String),
  );

describe("LdapGroup and memberships against slapd", () => {
  let tree: LdapSettings;
  beforeAll(async () => {
    tree = await isolatedTree("groups");
  });

  test("a new group holds only its own DN as placeholder and records no member facts", async () => {
    const created = await groups.create(groupSpec("eng"));
    const outs = created.outs as LdapGroupOutputs;
    expect(outs).toEqual({ ...groupSpec("eng"), dn: `cn=eng,${tree.groupsDN}` });
    expect(await membersOf(outs.dn)).toEqual([outs.dn]);
  });

  test("memberships follow the account's groups, including removing the last real member", async () => {
    const ops = (await groups.create(groupSpec("ops"))).outs as LdapGroupOutputs;
    const spec = accountSpec({ employeeId: "E7001", userName: "member", email: "member@example.com", groups: ["ops"] });
    const outs = (await accounts.create(spec)).outs as LdapAccountOutputs;
    expect(await membersOf(ops.dn)).toEqual(expect.arrayContaining([ops.dn, outs.dn]));
    expect(await memberOf(outs.dn)).toEqual([ops.dn]);

    const none = { ...spec, groups: [] };
    const left = (await accounts.update!("E7001", outs, none)).outs as LdapAccountOutputs;
    expect(await membersOf(ops.dn)).toEqual([ops.dn]);
    expect(await memberOf(left.dn)).toEqual([]);
    expect((await accounts.read!("E7001", left)).props).toMatchObject({ groups: [] });

    // Idempotent: re-adding and re-removing converge without "already exists" / "no such value" failures.
    const back = (await accounts.update!("E7001", left, spec)).outs as LdapAccountOutputs;
    await accounts.update!("E7001", back, spec);
    expect((await accounts.read!("E7001", back)).props).toMatchObject({ groups: ["ops"] });
  });

  test("deleting a disabled account removes it from its groups and the group survives", async () => {
    const solo = (await groups.create(groupSpec("solo"))).outs as LdapGroupOutputs;
    const spec = accountSpec({
      employeeId: "E7002",
      userName: "soloist",
      email: "solo@example.com",
      groups: ["solo"],
      enabled: false,
    });
    const outs = (await accounts.create(spec)).outs as LdapAccountOutputs;
    expect(await membersOf(solo.dn)).toHaveLength(2);
    await accounts.delete!("E7002", outs);
    expect(await membersOf(solo.dn)).toEqual([solo.dn]);
  });

  test("a refresh after an up finds nothing changed on a group whose members the accounts added", async () => {
    // As an up runs it: the group first, then the accounts that join it, then a refresh reads every resource.
    const created = (await groups.create(groupSpec("drift"))).outs as LdapGroupOutputs;
    for (const [employeeId, userName] of [
      ["E7005", "first"],
      ["E7006", "second"],
    ]) {
      await accounts.create(accountSpec({ employeeId, userName, email: `${userName}@example.com`, groups: ["drift"] }));
    }
    expect(await membersOf(created.dn)).toHaveLength(3);
    const refreshed = await groups.read!("drift", created);
    expect(refreshed).toEqual({ id: "drift", props: created });
  });

  test("an account naming a group that does not exist fails with the group and the fix", async () => {
    const spec = accountSpec({ employeeId: "E7003", userName: "lost", email: "lost@example.com", groups: ["nope"] });
    await expect(accounts.create(spec)).rejects.toMatchObject({
      code: "LDAP_GROUP_MISSING",
      fix: expect.stringMatching(/roles file/),
    });
  });

  test("rename moves the group (members keep it via memberOf), adopt finds an existing group, delete is idempotent", async () => {
    const old = (await groups.create(groupSpec("sales"))).outs as LdapGroupOutputs;
    const spec = accountSpec({
      employeeId: "E7004",
      userName: "seller",
      email: "seller@example.com",
      groups: ["sales"],
    });
    const seller = (await accounts.create(spec)).outs as LdapAccountOutputs;
    const renamedSpec = groupSpec("revenue", { description: "was sales" });
    expect(await groups.diff!("sales", old, renamedSpec)).toMatchObject({ changes: true, replaces: [] });
    const renamed = (await groups.update!("sales", old, renamedSpec)).outs as LdapGroupOutputs;
    expect(renamed.dn).toBe(`cn=revenue,${tree.groupsDN}`);
    expect(await memberOf(seller.dn)).toEqual([renamed.dn]);
    expect((await groups.read!("sales", renamed)).props).toEqual({ ...renamedSpec, dn: renamed.dn });

    await asAdmin((client) =>
      client.add(`cn=legacy,${tree.groupsDN}`, { objectClass: "groupOfNames", cn: "legacy", member: seller.dn }),
    );
    const adopted = (await groups.create(groupSpec("legacy"))).outs as LdapGroupOutputs;
    expect(await membersOf(adopted.dn)).toEqual(expect.arrayContaining([adopted.dn, seller.dn]));

    await groups.delete!("revenue", renamed);
    expect((await groups.read!("revenue", renamed)).id).toBe("");
    await groups.delete!("revenue", renamed);
    expect(await memberOf(seller.dn)).toEqual([adopted.dn]);
  });
});
