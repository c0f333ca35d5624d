import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { googleAccountProvider, googleGroupProvider, GoogleGroupMissingError } from "../../../provider/apps/google";
import { strict } from "./strict";
import { spec, startGoogleHarness, type GoogleHarness } from "./harness";

const p = strict(googleAccountProvider);
const g = strict(googleGroupProvider);
let h: GoogleHarness;
beforeAll(async () => {
  h = await startGoogleHarness();
});
afterAll(() => h.emulator.stop());

const group = (name: string) => ({ name, displayName: `${name} team`, privileged: false, roleIds: ["r1"] });

describe("GoogleAccount managers", () => {
  it("links a chain of managers by address and reads it back as employee ids", async () => {
    const ceo = await p.create(spec("M1"));
    const vp = await p.create(spec("M2", { managerEmployeeId: "M1" }));
    const dev = await p.create(spec("M3", { managerEmployeeId: "M2" }));
    expect(h.emulator.control.user(dev.id)!.resource.relations).toEqual([
      { value: "user.m2@example.com", type: "manager" },
    ]);
    expect(h.emulator.control.user(vp.id)!.resource.relations).toEqual([
      { value: "user.m1@example.com", type: "manager" },
    ]);
    expect((await p.read(dev.id, dev.outs)).props).toMatchObject({ managerEmployeeId: "M2" });
    expect((await p.read(ceo.id, ceo.outs)).props?.managerEmployeeId).toBeUndefined();
  });

  it("converges when the manager's account comes later: the first outputs leave the link open, the next update sets it", async () => {
    const report = await p.create(spec("M5", { managerEmployeeId: "M4" }));
    expect(report.outs.managerEmployeeId).toBeUndefined();
    expect(await p.diff(report.id, report.outs, spec("M5", { managerEmployeeId: "M4" }))).toMatchObject({
      changes: true,
    });
    await p.create(spec("M4"));
    const { outs } = await p.update(report.id, report.outs, spec("M5", { managerEmployeeId: "M4" }));
    expect(outs.managerEmployeeId).toBe("M4");
    expect(h.emulator.control.user(report.id)!.resource.relations).toEqual([
      { value: "user.m4@example.com", type: "manager" },
    ]);
  });

  it("clears the manager with update semantics (a patch could not empty the list)", async () => {
    const boss = await p.create(spec("M6"));
    const report = await p.create(spec("M7", { managerEmployeeId: "M6" }));
    await p.update(report.id, report.outs, spec("M7"));
    expect(h.emulator.control.user(report.id)!.resource.relations).toEqual([]);
    expect(boss.id).toBeTruthy();
  });
});

describe("GoogleGroup and memberships", () => {
  it("creates groups, joins and leaves them idempotently, and reports drift on read", async () => {
    const eng = await g.create(group("eng"));
    const ops = await g.create(group("ops"));
    expect(eng.outs).toMatchObject({ email: "eng@example.com", adopted: false });
    const created = await p.create(spec("G1", { groups: ["eng", "ops"] }));
    const members = (key: string) => h.emulator.control.user(created.id) && fetchMembers(key);
    expect(await members("eng@example.com")).toEqual(["user.g1@example.com"]);
    const { outs } = await p.update(created.id, created.outs, spec("G1", { groups: ["eng"] }));
    expect(await members("ops@example.com")).toEqual([]);
    expect(outs.groups).toEqual(["eng"]);
    // Someone removes the membership by hand: refresh shows it, the next update puts it back.
    await api("DELETE", `/groups/eng@example.com/members/user.g1@example.com`);
    const reread = await p.read(created.id, outs);
    expect(reread.props!.groups).toEqual([]);
    expect(ops.id).toBeTruthy();
  });

  it("adopts an existing user and treats its existing membership as success (409 Member already exists)", async () => {
    await g.create(group("sales"));
    h.emulator.control.seedUser({
      primaryEmail: "user.g2@example.com",
      name: { givenName: "Old", familyName: "Name" },
      password: "a-long-password",
      externalIds: [{ value: "G2", type: "organization" }],
    });
    await api("POST", "/groups/sales@example.com/members", { email: "user.g2@example.com", role: "MEMBER" });
    const created = await p.create(spec("G2", { groups: ["sales"] }));
    expect(created.outs).toMatchObject({ adopted: true, groups: ["sales"] });
    expect(created.outs.initialPassword).toBeUndefined();
    expect(h.emulator.control.user(created.id)!.resource.name).toMatchObject({ givenName: "Ada" });
    expect(await fetchMembers("sales@example.com")).toEqual(["user.g2@example.com"]);
  });

  it("adopts a group that already exists and fails clearly for an account naming a missing group", async () => {
    await api("POST", "/groups", { email: "legal@example.com", name: "Old name" });
    const adopted = await g.create(group("legal"));
    expect(adopted.outs.adopted).toBe(true);
    expect((await g.read(adopted.id, adopted.outs)).props).toMatchObject({ displayName: "legal team" });
    await expect(p.create(spec("G3", { groups: ["nope"] }))).rejects.toBeInstanceOf(GoogleGroupMissingError);
  });

  it("a group missing earlier in the run is looked up again once someone else creates it (no cached 'missing')", async () => {
    await expect(p.create(spec("G4", { groups: ["later"] }))).rejects.toBeInstanceOf(GoogleGroupMissingError);
    await api("POST", "/groups", { email: "later@example.com", name: "later" }); // another shard, or an admin
    const created = await p.create(spec("G5", { groups: ["later"] }));
    expect(created.outs.groups).toEqual(["later"]);
    expect(await fetchMembers("later@example.com")).toContain(created.outs.email.toLowerCase());
  });
});

async function api(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${h.emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${h.emulator.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.status === 204 ? undefined : res.json();
}

async function fetchMembers(group: string): Promise<string[]> {
  const body = (await api("GET", `/groups/${group}/members`)) as { members?: Array<{ email: string }> };
  return (body.members ?? []).map((m) => m.email);
}
