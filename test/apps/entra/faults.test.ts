import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { entraAccountProvider, entraGroupProvider } from "../../../provider/apps/entra";
import { strict } from "../google/strict";
import { sharedRequestCounter } from "../../../provider/net";
import { spec, startEntraHarness, type EntraHarness } from "./harness";

const p = strict(entraAccountProvider);
const g = strict(entraGroupProvider);
let h: EntraHarness;
beforeAll(async () => {
  h = await startEntraHarness();
});
afterAll(() => h.emulator.stop());
beforeEach(() => {
  h.emulator.faults.clear();
  h.emulator.faults.resetLog();
  h.emulator.control.behaviour.replicationDelayMs = 0;
});

const counter = () => sharedRequestCounter().get("entra");
const usersWith = async (employeeId: string) => {
  const res = await fetch(`${h.emulator.url}/users?$filter=employeeId eq '${employeeId}'&$select=id`, {
    headers: { authorization: `Bearer ${h.emulator.token}` },
  });
  return ((await res.json()) as { value: unknown[] }).value;
};
const statuses = (path: RegExp) =>
  h.emulator.faults
    .log()
    .filter((e) => path.test(e.path))
    .map((e) => e.status);

describe("EntraAccount under faults", () => {
  it("adopts its own user when the POST's answer is lost (retry → 400 ObjectConflict), keeping the password it sent", async () => {
    h.emulator.faults.set({ drop: { count: 1, when: "after" }, match: { methods: ["POST"], path: "/users$" } });
    const created = await p.create(spec("F1"));
    expect(created.outs).toMatchObject({ adopted: false });
    expect(created.outs.initialPassword).toBeDefined();
    expect(await usersWith("F1")).toHaveLength(1);
    expect(
      h.emulator.faults
        .log()
        .filter((e) => e.method === "POST" && /\/users$/.test(e.path))
        .map((e) => e.status),
    ).toEqual([0, 400]);
  });

  it("honours 429 + Retry-After and 503 and converges within a bounded number of calls", async () => {
    const before = counter().total;
    h.emulator.control.throttleNext(2, 1);
    h.emulator.faults.set({ serverError: { count: 1, status: 503 } });
    const started = Date.now();
    const created = await p.create(spec("F2"));
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    // Fault-free: lookup by employee id, by UPN, POST, batch-free (no groups) = 3 calls; 3 faults added.
    expect(counter().total - before).toBeLessThanOrEqual(3 + 3 + 1);
    expect(await usersWith("F2")).toHaveLength(1);
    expect(created.outs.entraId).toBe(created.id);
  });

  it("rides out replication lag: manager $ref and member adds on a just-created user retry their 404s", async () => {
    const boss = await p.create(spec("F3"));
    const team = await g.create({ name: "lagging", displayName: "Lagging", privileged: false, roleIds: [] });
    h.emulator.control.behaviour.replicationDelayMs = 400;
    await new Promise((resolve) => setTimeout(resolve, 450)); // the manager and group have replicated by now
    const managed = await p.create(spec("F4", { managerEmployeeId: "F3" }));
    const member = await p.create(spec("F4b", { groups: ["lagging"] }));
    expect(h.emulator.control.managerOf(managed.id)).toBe(boss.id);
    expect(h.emulator.control.membersOf(team.id)).toContain(member.id);
    expect(statuses(/manager\/\$ref$/)).toContain(404);
    expect(statuses(/members\/\$ref$/)).toContain(404);
  });

  it("retries an inner 429 of a $batch and treats 'already exist' as success", async () => {
    const team = await g.create({ name: "batchy", displayName: "Batchy", privileged: false, roleIds: [] });
    const user = h.emulator.control.seedUser({
      accountEnabled: true,
      displayName: "Old",
      mailNickname: "user.f5",
      userPrincipalName: "user.f5@example.com",
      passwordProfile: { password: "Secr3t!pass" },
      employeeId: "F5",
    });
    await fetch(`${h.emulator.url}/groups/${team.id}/members/$ref`, {
      method: "POST",
      headers: { authorization: `Bearer ${h.emulator.token}`, "content-type": "application/json" },
      body: JSON.stringify({ "@odata.id": `${h.emulator.url}/directoryObjects/${String(user.id)}` }),
    });
    const other = await g.create({ name: "batchy2", displayName: "Batchy 2", privileged: false, roleIds: [] });
    h.emulator.faults.set({
      rateLimit: { count: 1, retryAfterSeconds: 0 },
      match: { methods: ["POST"], path: `${other.id}/members/\\$ref$` },
    });
    const created = await p.create(spec("F5", { groups: ["batchy", "batchy2"] }));
    expect(created.outs).toMatchObject({ adopted: true, groups: ["batchy", "batchy2"] });
    expect(created.outs.initialPassword).toBeUndefined();
    expect(h.emulator.control.membersOf(other.id)).toEqual([created.id]);
    expect(statuses(/members\/\$ref$/)).toEqual([204, 400, 429, 204]);
  });

  it("does not drop a just-created user that replicas do not show yet", async () => {
    h.emulator.control.behaviour.replicationDelayMs = 400;
    await new Promise((resolve) => setTimeout(resolve, 450));
    const created = await p.create(spec("F8"));
    h.emulator.control.object(created.id)!.createdAt = Date.now(); // as if the create had just landed
    const read = await p.read(created.id, created.outs);
    expect(read.id).toBe(created.id);
  });

  it("takes one token for many calls (cached until expiry)", async () => {
    const issued = h.emulator.control.tokensIssued();
    await p.create(spec("F6"));
    await p.create(spec("F7"));
    expect(h.emulator.control.tokensIssued()).toBe(issued);
  });
});
