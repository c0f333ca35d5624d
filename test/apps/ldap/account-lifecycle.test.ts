import { Attribute, Change } from "ldapts";
import { beforeAll, describe, expect, test } from "vitest";
import {
  ldapAccountProvider as p,
  PERMANENT_LOCK,
  type LdapAccountOutputs,
  type LdapSettings,
} from "../../../provider/apps/ldap";
import { accountSpec, asAdmin, canBind, isolatedTree } from "./ldap-fixture";

const lockedTime = async (dn: string) =>
  asAdmin(async (client) => {
    const { searchEntries } = await client.search(dn, {
      scope: "base",
      attributes: ["pwdAccountLockedTime", "pwdReset"],
    });
    return searchEntries[0];
  });

describe("LdapAccount lifecycle against slapd", () => {
  let tree: LdapSettings;
  beforeAll(async () => {
    tree = await isolatedTree("lifecycle");
  });

  test("joiner → mover → leaver (locked, cannot bind) → rehire (unlocked) → leaver → removed", async () => {
    const joiner = accountSpec();
    const created = await p.create(joiner);
    const outs = created.outs as LdapAccountOutputs;
    expect(created.id).toBe("E1001");
    expect(outs).toMatchObject({ dn: `uid=jdoe,${tree.peopleDN}`, adopted: false, enabled: true });
    expect(outs.initialPassword).toMatch(/^.{24}$/);
    const stored = await lockedTime(outs.dn);
    expect(stored?.["pwdReset"]).toBe("TRUE");
    expect(await canBind(outs.dn, outs.initialPassword!)).toBe(true);

    const mover = { ...joiner, title: "Staff Engineer", department: "Risk" };
    expect(await p.diff!("E1001", outs, mover)).toMatchObject({ changes: true, replaces: [] });
    const moved = (await p.update!("E1001", outs, mover)).outs as LdapAccountOutputs;
    expect(moved.initialPassword).toBe(outs.initialPassword);
    const afterMove = await p.read!("E1001", moved);
    expect(afterMove.props).toMatchObject({ title: "Staff Engineer", department: "Risk", enabled: true });

    const leaver = { ...mover, enabled: false, lifecycle: "terminated" as const };
    const left = (await p.update!("E1001", moved, leaver)).outs as LdapAccountOutputs;
    expect((await lockedTime(left.dn))?.["pwdAccountLockedTime"]).toBe(PERMANENT_LOCK);
    expect(await canBind(left.dn, outs.initialPassword!)).toBe(false);
    expect((await p.read!("E1001", left)).props).toMatchObject({ enabled: false });

    const rehire = { ...mover, enabled: true, lifecycle: "active" as const };
    const back = (await p.update!("E1001", left, rehire)).outs as LdapAccountOutputs;
    expect([(await lockedTime(back.dn))?.["pwdAccountLockedTime"] ?? []].flat()).toEqual([]);
    expect(await canBind(back.dn, outs.initialPassword!)).toBe(true);

    await expect(p.delete!("E1001", back)).rejects.toMatchObject({ code: "ACCOUNT_STILL_ENABLED" });
    expect((await p.read!("E1001", back)).id).toBe("E1001");

    const leftAgain = (await p.update!("E1001", back, leaver)).outs as LdapAccountOutputs;
    await p.delete!("E1001", leftAgain);
    expect((await p.read!("E1001", leftAgain)).id).toBe("");
    await p.delete!("E1001", leftAgain);
  });

  test("delete checks the directory, not the state: an entry re-enabled by hand is not deleted", async () => {
    const spec = accountSpec({
      employeeId: "E2001",
      userName: "handfix",
      email: "handfix@example.com",
      enabled: false,
    });
    const outs = (await p.create(spec)).outs as LdapAccountOutputs;
    expect((await lockedTime(outs.dn))?.["pwdAccountLockedTime"]).toBe(PERMANENT_LOCK);
    const unlock = new Change({ operation: "delete", modification: new Attribute({ type: "pwdAccountLockedTime" }) });
    await asAdmin((client) => client.modify(outs.dn, unlock));
    await expect(p.delete!("E2001", outs)).rejects.toThrow(/still enabled/);
  });

  test("a rename is an update: modifyDN keeps the entry (same entryUUID), the old uid is gone", async () => {
    const spec = accountSpec({
      employeeId: "E3001",
      userName: "asmith",
      email: "a.smith@example.com",
      displayName: "Ann Smith",
    });
    const outs = (await p.create(spec)).outs as LdapAccountOutputs;
    const uuid = async (dn: string) =>
      asAdmin(
        async (client) =>
          (await client.search(dn, { scope: "base", attributes: ["entryUUID", "uid"] })).searchEntries[0],
      );
    const before = await uuid(outs.dn);
    const renamed = {
      ...spec,
      userName: "ajones",
      email: "a.jones@example.com",
      familyName: "Jones",
      displayName: "Ann Jones",
    };
    expect(await p.diff!("E3001", outs, renamed)).toMatchObject({ changes: true, replaces: [] });
    const after = (await p.update!("E3001", outs, renamed)).outs as LdapAccountOutputs;
    expect(after.dn).toBe(`uid=ajones,${tree.peopleDN}`);
    const moved = await uuid(after.dn);
    expect(moved?.["entryUUID"]).toBe(before?.["entryUUID"]);
    expect(moved?.["uid"]).toBe("ajones");
    expect((await p.read!("E3001", after)).props).toMatchObject({
      userName: "ajones",
      email: "a.jones@example.com",
      familyName: "Jones",
    });
  });

  test("create adopts an existing entry by employee id, then by uid, and never sets its password", async () => {
    await asAdmin((client) =>
      client.add(`uid=legacy,${tree.peopleDN}`, {
        objectClass: "inetOrgPerson",
        uid: "legacy",
        cn: "Old Name",
        sn: "Name",
        employeeNumber: "E4001",
      }),
    );
    const byId = (
      await p.create(
        accountSpec({ employeeId: "E4001", userName: "legacy", email: "legacy@example.com", displayName: "New Name" }),
      )
    ).outs as LdapAccountOutputs;
    expect(byId).toMatchObject({ adopted: true, dn: `uid=legacy,${tree.peopleDN}` });
    expect(byId.initialPassword).toBeUndefined();
    expect((await p.read!("E4001", byId)).props).toMatchObject({
      displayName: "New Name",
      email: "legacy@example.com",
    });

    await asAdmin((client) =>
      client.add(`uid=nobadge,${tree.peopleDN}`, {
        objectClass: "inetOrgPerson",
        uid: "nobadge",
        cn: "No Badge",
        sn: "Badge",
      }),
    );
    const byUid = (
      await p.create(accountSpec({ employeeId: "E4002", userName: "nobadge", email: "nobadge@example.com" }))
    ).outs as LdapAccountOutputs;
    expect(byUid).toMatchObject({ adopted: true, dn: `uid=nobadge,${tree.peopleDN}` });
    const again = (
      await p.create(accountSpec({ employeeId: "E4002", userName: "nobadge", email: "nobadge@example.com" }))
    ).outs as LdapAccountOutputs;
    expect(again.dn).toBe(byUid.dn);
    const count = await asAdmin(
      async (client) => (await client.search(tree.peopleDN, { filter: "(uid=nobadge)" })).searchEntries.length,
    );
    expect(count).toBe(1);
  });

  test("create does not adopt another person's entry that shares the login", async () => {
    await asAdmin((client) =>
      client.add(`uid=twin,${tree.peopleDN}`, {
        objectClass: "inetOrgPerson",
        uid: "twin",
        cn: "Twin A",
        sn: "A",
        employeeNumber: "E5001",
      }),
    );
    await expect(
      p.create(accountSpec({ employeeId: "E5002", userName: "twin", email: "twin-b@example.com" })),
    ).rejects.toMatchObject({
      code: "LDAP_ADOPT_CONFLICT",
    });
  });

  test("manager is the manager's DN, resolved from the employee id; filled in once the manager exists", async () => {
    const report = accountSpec({
      employeeId: "E6002",
      userName: "report",
      email: "report@example.com",
      managerEmployeeId: "E6001",
    });
    const early = (await p.create(report)).outs as LdapAccountOutputs;
    expect(early.managerDn).toBeUndefined();
    expect((await p.diff!("E6002", early, report)).changes).toBe(true);
    const boss = (await p.create(accountSpec({ employeeId: "E6001", userName: "boss", email: "boss@example.com" })))
      .outs as LdapAccountOutputs;
    const later = (await p.update!("E6002", early, report)).outs as LdapAccountOutputs;
    expect(later.managerDn).toBe(boss.dn);
    expect((await p.diff!("E6002", later, report)).changes).toBe(false);
    const stored = await asAdmin(
      async (client) => (await client.search(later.dn, { scope: "base", attributes: ["manager"] })).searchEntries[0],
    );
    expect(stored?.["manager"]).toBe(boss.dn);
    expect((await p.read!("E6002", later)).props).toMatchObject({ managerEmployeeId: "E6001", managerDn: boss.dn });
  });

  test("an employee id change is the only replace", async () => {
    const spec = accountSpec();
    const outs = { ...spec, dn: "uid=jdoe", adopted: false };
    expect(await p.diff!("E1001", outs, { ...spec, employeeId: "E9999" })).toMatchObject({ replaces: ["employeeId"] });
    expect(await p.diff!("E1001", outs, { ...spec, email: "x@example.com", displayName: "X" })).toMatchObject({
      replaces: [],
    });
    expect(await p.diff!("E1001", outs, spec)).toMatchObject({ changes: false });
  });
});
