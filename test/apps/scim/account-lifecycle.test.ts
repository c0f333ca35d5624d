import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  scimAccountProvider as p,
  scimGroupProvider as g,
  type ScimAccountInputs,
  type ScimAccountOutputs,
} from "../../../provider/apps/scim";
import { accountSpec, groupSpec } from "../../support/account-spec";
import { scimFixture } from "../../support/scim";
import { groupIdsKeptPerProcess, scimAdmin } from "../../support/scim-admin";

let fx: Awaited<ReturnType<typeof scimFixture>>;
beforeAll(async () => {
  fx = await scimFixture();
  await p.configure!(fx.request as never);
});
afterAll(() => fx.server.stop());

const spec = (id: string, over: Partial<ScimAccountInputs> = {}): ScimAccountInputs => ({
  ...accountSpec(id),
  instance: "test",
  ...over,
});
const serverUser = (id: string) => fx.server.store.User.get(id);
const usersWithExternalId = (e: string) => [...fx.server.store.User.values()].filter((u) => u.externalId === e);

describe("ScimAccount lifecycle against SCIMMY", () => {
  it("create → update → disable → re-enable → disable → delete, a rename never replacing", async () => {
    const ins = spec("E100", { managerEmployeeId: undefined });
    expect((await p.check!({} as never, ins)).failures ?? []).toEqual([]);
    const created = await p.create(ins);
    expect(serverUser(created.id)).toMatchObject({
      userName: "e100@example.com",
      externalId: "E100",
      active: true,
      displayName: "Ada Lovelace",
      name: { givenName: "Ada", familyName: "Lovelace" },
      emails: [{ value: "e100@example.com", type: "work", primary: true }],
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { employeeNumber: "E100", department: "R&D" },
    });
    let outs = created.outs as ScimAccountOutputs;

    const renamed = {
      ...ins,
      userName: "ada.king@example.com",
      email: "ada.king@example.com",
      familyName: "King",
      displayName: "Ada King",
      title: undefined,
    };
    const d = await p.diff!(created.id, outs, renamed);
    expect(d).toMatchObject({ changes: true, replaces: [] });
    outs = (await p.update!(created.id, outs, renamed)).outs as ScimAccountOutputs;
    expect(serverUser(created.id)).toMatchObject({
      userName: "ada.king@example.com",
      name: { familyName: "King" },
      emails: [{ value: "ada.king@example.com" }],
    });
    expect(serverUser(created.id)!.title).toBeUndefined();

    for (const enabled of [false, true, false]) {
      const next = { ...renamed, enabled, lifecycle: enabled ? ("active" as const) : ("terminated" as const) };
      outs = (await p.update!(created.id, outs, next)).outs as ScimAccountOutputs;
      expect(serverUser(created.id)!.active).toBe(enabled);
      const read = await p.read!(created.id, outs);
      expect(read.props).toMatchObject({ enabled, userName: "ada.king@example.com" });
    }
    await p.delete!(created.id, outs);
    expect(serverUser(created.id)).toBeUndefined();
    await p.delete!(created.id, outs); // already gone: succeeds
    expect(await p.read!(created.id, outs)).toEqual({ id: "" });
  });

  it("refuses to delete an enabled account, naming the app and employee", async () => {
    const created = await p.create(spec("E101"));
    await expect(p.delete!(created.id, created.outs as ScimAccountOutputs)).rejects.toMatchObject({
      code: "ACCOUNT_STILL_ENABLED",
      message: expect.stringContaining("E101"),
      context: { app: "scim", employeeId: "E101" },
    });
    expect(serverUser(created.id)?.active).toBe(true);
  });

  it("reports bad inputs as check failures", async () => {
    const { failures = [] } = await p.check!(
      {} as never,
      { ...spec("E102"), userName: "", instance: undefined } as never,
    );
    expect(failures.map((f) => f.property).sort()).toEqual(["instance", "userName"]);
  });

  it("adopts an existing account by employee id, then by userName, instead of duplicating", async () => {
    const first = await p.create(spec("E103"));
    const again = await p.create(spec("E103", { displayName: "Ada L." }));
    expect(again.id).toBe(first.id);
    expect(usersWithExternalId("E103")).toHaveLength(1);
    expect(serverUser(first.id)!.displayName).toBe("Ada L.");

    const handMade = await fetch(`${fx.server.url}/Users`, {
      method: "POST",
      headers: { authorization: `Bearer ${fx.server.token}`, "content-type": "application/scim+json" },
      body: JSON.stringify({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "E104@Example.com" }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const adopted = await p.create(spec("E104"));
    expect(adopted.id).toBe(handMade.id);
    expect(serverUser(handMade.id)).toMatchObject({ externalId: "E104", userName: "e104@example.com" });

    await expect(p.create(spec("E105", { userName: "e104@example.com" }))).rejects.toMatchObject({
      code: "SCIM_USERNAME_TAKEN",
    });
  });

  it("adopts after a lost create response: the POST succeeded but its answer was dropped", async () => {
    fx.server.faults.set({ drop: { count: 1, when: "after" }, match: { methods: ["POST"] } });
    const created = await p.create(spec("E106"));
    fx.server.faults.clear();
    expect(usersWithExternalId("E106")).toHaveLength(1);
    expect(created.id).toBe(usersWithExternalId("E106")[0]!.id);
  });

  it("resolves the manager, and retries the lookup until the manager exists", async () => {
    const report = await p.create(spec("E108", { managerEmployeeId: "E107" }));
    let outs = report.outs as ScimAccountOutputs;
    expect(outs.managerScimId).toBe("");
    const manager = await p.create(spec("E107"));
    expect((await p.diff!(report.id, outs, spec("E108", { managerEmployeeId: "E107" }))).changes).toBe(true);
    outs = (await p.update!(report.id, outs, spec("E108", { managerEmployeeId: "E107" }))).outs as ScimAccountOutputs;
    expect(outs.managerScimId).toBe(manager.id);
    expect(serverUser(report.id)!["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"].manager.value).toBe(
      manager.id,
    );
    expect((await p.diff!(report.id, outs, spec("E108", { managerEmployeeId: "E107" }))).changes).toBe(false);
  });
});

describe("groups", () => {
  it("creates groups, adds and removes members by PATCH, and sees membership drift on read", async () => {
    await g.configure!(fx.request as never);
    const eng = await g.create({ ...groupSpec("eng"), instance: "test" });
    const ops = await g.create({ ...groupSpec("ops"), instance: "test" });
    expect((await g.create({ ...groupSpec("eng"), instance: "test" })).id).toBe(eng.id); // adopts
    const members = (id: string) =>
      (fx.server.store.Group.get(id)!.members ?? []).map((m: { value: string }) => m.value);

    const a = await p.create(spec("E200", { groups: ["eng"] }));
    const b = await p.create(spec("E201", { groups: ["eng", "ops"] }));
    expect(members(eng.id).sort()).toEqual([a.id, b.id].sort());
    let outs = (await p.update!(b.id, b.outs as ScimAccountOutputs, spec("E201", { groups: ["ops"] })))
      .outs as ScimAccountOutputs;
    expect(members(eng.id)).toEqual([a.id]);
    expect(members(ops.id)).toEqual([b.id]);
    expect(outs.groupIds).toEqual({ ops: ops.id });

    fx.server.store.put("Group", { ...fx.server.store.Group.get(ops.id)!, members: [] }); // someone removed them by hand
    const read = await p.read!(b.id, outs);
    expect(read.props!.groups).toEqual([]);
    expect((await p.diff!(b.id, read.props as ScimAccountOutputs, spec("E201", { groups: ["ops"] }))).changes).toBe(
      true,
    );
    outs = (await p.update!(b.id, read.props as ScimAccountOutputs, spec("E201", { groups: ["ops"] })))
      .outs as ScimAccountOutputs;
    expect(members(ops.id)).toEqual([b.id]);

    await expect(p.create(spec("E202", { groups: ["nope"] }))).rejects.toMatchObject({ code: "SCIM_GROUP_MISSING" });
    const renamed = await g.update!(eng.id, eng.outs!, {
      ...groupSpec("eng"),
      displayName: "Engineering",
      instance: "test",
    });
    expect(fx.server.store.Group.get(eng.id)!.displayName).toBe("Engineering");
    await g.delete!(eng.id, renamed.outs as never);
    expect(await g.read!(eng.id, renamed.outs as never)).toEqual({ id: "" });
    await g.delete!(eng.id, renamed.outs as never);
  });

  it("looks a group up once however many accounts join it, and again once the id it knows is stale", () =>
    groupIdsKeptPerProcess(
      {
        admin: scimAdmin(fx.server.url, fx.server.token),
        join: (id, groups) => p.create(spec(id, { groups })),
        members: (id) => (fx.server.store.Group.get(id)?.members ?? []).map((m: { value: string }) => m.value),
        lookups: () => fx.server.faults.count({ method: "GET", path: /\/Groups$/ }),
        missingCode: "SCIM_GROUP_MISSING",
      },
      ["E210", "E211", "E212", "E213"],
    ));
});
