import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sharedRequestCounter } from "../../../provider/net";
import { googleAccountProvider, googleGroupProvider } from "../../../provider/apps/google";
import { strict } from "./strict";
import { spec, startGoogleHarness, type GoogleHarness } from "./harness";

const p = strict(googleAccountProvider);
const g = strict(googleGroupProvider);
let h: GoogleHarness;
beforeAll(async () => {
  h = await startGoogleHarness();
});
afterAll(() => h.emulator.stop());
beforeEach(() => {
  h.emulator.faults.clear();
  h.emulator.faults.resetLog();
  Object.assign(h.emulator.control.behaviour, { visibilityDelayMs: 0, creationIncompleteMs: 0, groupPropagationMs: 0 });
});

const counter = () => sharedRequestCounter().get("google");
const usersWith = (employeeId: string) =>
  fetch(`${h.emulator.url}/users?customer=my_customer&query=externalId:${employeeId}`, {
    headers: { authorization: `Bearer ${h.emulator.token}` },
  })
    .then((r) => r.json() as Promise<{ users?: unknown[] }>)
    .then((b) => b.users ?? []);

describe("GoogleAccount under faults", () => {
  it("adopts its own user when the insert's answer is lost, keeping the password it sent, with no duplicate", async () => {
    h.emulator.faults.set({ drop: { count: 1, when: "after" }, match: { methods: ["POST"], path: "/users$" } });
    const created = await p.create(spec("F1"));
    expect(created.outs.adopted).toBe(false);
    expect(created.outs.initialPassword).toBeDefined();
    expect(await usersWith("F1")).toHaveLength(1);
    expect(
      h.emulator.faults
        .log()
        .filter((e) => e.method === "POST")
        .map((e) => e.status),
    ).toEqual([0, 409]);
  });

  it("converges through 429 bursts, 503s and Google's 403 rate reasons within a bounded number of calls", async () => {
    const before = counter().total;
    h.emulator.faults.set({ rateLimit: { count: 2, retryAfterSeconds: 0 }, serverError: { count: 2, status: 503 } });
    h.emulator.control.failNext("userRateLimitExceeded", 1);
    h.emulator.control.failNext("quotaExceeded", 1);
    const created = await p.create(spec("F2", { admin: true }));
    expect(h.emulator.control.user(created.id)!.resource.isAdmin).toBe(true);
    const used = counter().total - before;
    // The fault-free path is 5 calls (OU check skipped, lookup by id and address, insert, makeAdmin); 6 faults added.
    expect(used).toBeLessThanOrEqual(5 + 6 + 1);
    expect(await usersWith("F2")).toHaveLength(1);
  });

  it("rides out 'User creation is not complete' and propagation lag right after insert", async () => {
    Object.assign(h.emulator.control.behaviour, {
      visibilityDelayMs: 300,
      creationIncompleteMs: 300,
      groupPropagationMs: 300,
    });
    await g.create({ name: "lag", displayName: "Lag", privileged: false, roleIds: [] });
    const created = await p.create(spec("F3", { admin: true, groups: ["lag"] }));
    expect(h.emulator.control.user(created.id)!.resource.isAdmin).toBe(true);
    const { outs } = await p.update(
      created.id,
      created.outs,
      spec("F3", { admin: true, groups: ["lag"], enabled: false, lifecycle: "terminated" }),
    );
    expect(outs.enabled).toBe(false);
    expect(h.emulator.control.user(created.id)!.signOuts).toHaveLength(1);
    const statuses = h.emulator.faults.log().map((e) => e.status);
    expect(statuses).toContain(412);
    expect(statuses).toContain(404);
  });

  it("does not drop a just-created user that a lagging list and get do not show yet", async () => {
    const created = await p.create(spec("F6"));
    h.emulator.control.behaviour.visibilityDelayMs = 400;
    const user = h.emulator.control.user(created.id)!;
    user.insertedAt = Date.now(); // as if the insert had just landed on this replica
    const read = await p.read(created.id, created.outs);
    expect(read.id).toBe(created.id);
  });

  it("takes one token for many calls (cached until expiry)", async () => {
    const issued = h.emulator.control.tokensIssued();
    await p.create(spec("F4"));
    await p.create(spec("F5"));
    expect(h.emulator.control.tokensIssued()).toBe(issued);
  });
});
