import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entraAccountProvider, entraGroupProvider, EntraGroupMissingError } from "../../../provider/apps/entra";
import { strict } from "../google/strict";
import { spec, startEntraHarness, type EntraHarness } from "./harness";

const p = strict(entraAccountProvider);
const g = strict(entraGroupProvider);
let h: EntraHarness;
beforeAll(async () => {
  h = await startEntraHarness({}, { adminGroup: "tenant-admins" });
  await g.create({ name: "tenant-admins", displayName: "Tenant admins", privileged: true, roleIds: ["admin"] });
});
afterAll(() => h.emulator.stop());

const group = (name: string) => ({ name, displayName: `${name} team`, privileged: false, roleIds: ["r1"] });

describe("EntraAccount managers", () => {
  it("links a chain of managers with $ref and reads it back as employee ids", async () => {
    const ceo = await p.create(spec("M1"));
    const vp = await p.create(spec("M2", { managerEmployeeId: "M1" }));
    const dev = await p.create(spec("M3", { managerEmployeeId: "M2" }));
    expect(h.emulator.control.managerOf(dev.id)).toBe(vp.id);
    expect(h.emulator.control.managerOf(vp.id)).toBe(ceo.id);
    expect((await p.read(dev.id, dev.outs)).props).toMatchObject({ managerEmployeeId: "M2" });
  });

  it("converges when the manager comes later, and removes the link when the manager goes", async () => {
    const report = await p.create(spec("M5", { managerEmployeeId: "M4" }));
    expect(report.outs.managerEmployeeId).toBeUndefined();
    const boss = await p.create(spec("M4"));
    const { outs } = await p.update(report.id, report.outs, spec("M5", { managerEmployeeId: "M4" }));
    expect(h.emulator.control.managerOf(report.id)).toBe(boss.id);
    await p.update(report.id, outs, spec("M5"));
    expect(h.emulator.control.managerOf(report.id)).toBeUndefined();
  });
});

describe("EntraAccount manager link never fails the person's change", () => {
  it("leaves the link unset when the API refuses the $ref, keeps the person's update, and sets it on the next run", async () => {
    const boss = await p.create(spec("R1"));
    const report = await p.create(spec("R2"));
    h.emulator.faults.set({
      serverError: { count: 1000, status: 500 },
      match: { path: "/manager/\\$ref$", methods: ["PUT"] },
    });
    const moved = await p.update(report.id, report.outs, spec("R2", { managerEmployeeId: "R1", title: "Lead" }));
    h.emulator.faults.clear();
    expect(moved.outs).toMatchObject({ title: "Lead", managerEmployeeId: undefined });
    expect(h.emulator.control.managerOf(report.id)).toBeUndefined();
    expect((await p.diff(report.id, moved.outs, spec("R2", { managerEmployeeId: "R1", title: "Lead" }))).changes).toBe(
      true,
    );
    await p.update(report.id, moved.outs, spec("R2", { managerEmployeeId: "R1", title: "Lead" }));
    expect(h.emulator.control.managerOf(report.id)).toBe(boss.id);
  }, 60_000);
});

describe("EntraGroup and memberships", () => {
  it("adds and removes memberships through $batch, 20 per request, idempotently", async () => {
    const names = Array.from({ length: 25 }, (_, i) => `team-${i}`);
    const ids = new Map<string, string>();
    for (const name of names) ids.set(name, (await g.create(group(name))).id);
    const calls = () => h.emulator.faults.count({ path: /\$batch$/ });
    const before = calls();
    const created = await p.create(spec("G1", { groups: names }));
    expect(calls() - before).toBe(2);
    expect(names.every((n) => h.emulator.control.membersOf(ids.get(n)!).includes(created.id))).toBe(true);
    const { outs } = await p.update(created.id, created.outs, spec("G1", { groups: names.slice(0, 5) }));
    expect(h.emulator.control.membersOf(ids.get("team-9")!)).toEqual([]);
    expect((await p.read(created.id, outs)).props!.groups).toEqual(names.slice(0, 5));
  });

  it("grants and revokes admin through the admin group", async () => {
    const created = await p.create(spec("A1", { admin: true }));
    const admins = (
      await g.create({ name: "tenant-admins", displayName: "Tenant admins", privileged: true, roleIds: ["admin"] })
    ).id;
    expect(h.emulator.control.membersOf(admins)).toContain(created.id);
    await p.update(created.id, created.outs, spec("A1", { admin: false }));
    expect(h.emulator.control.membersOf(admins)).not.toContain(created.id);
  });

  it("adopts an existing group by mailNickname and fails clearly for a missing group", async () => {
    const first = await g.create(group("legal"));
    const again = await g.create(group("legal"));
    expect(again).toMatchObject({ id: first.id, outs: { adopted: true } });
    await expect(p.create(spec("G2", { groups: ["nope"] }))).rejects.toBeInstanceOf(EntraGroupMissingError);
  });
});
