import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sharedRequestCounter } from "../../../provider/net";
import { scimAccountProvider as p, type ScimAccountInputs, type ScimAccountOutputs } from "../../../provider/apps/scim";
import { accountSpec } from "../../support/account-spec";
import { quickRetry, scimFixture } from "../../support/scim";

let fx: Awaited<ReturnType<typeof scimFixture>>;
const counter = sharedRequestCounter();
beforeAll(async () => {
  fx = await scimFixture({}, { readAfterWriteMs: 3000 });
  await p.configure!(fx.request as never);
});
afterAll(() => fx.server.stop());
beforeEach(() => {
  fx.server.faults.clear();
  fx.server.faults.resetLog();
  counter.reset("scim");
});

const spec = (id: string, over: Partial<ScimAccountInputs> = {}): ScimAccountInputs => ({
  ...accountSpec(id),
  instance: "test",
  ...over,
});
const copies = (employeeId: string) =>
  [...fx.server.store.User.values()].filter((u) => u.externalId === employeeId).length;

describe("operations converge under injected faults", () => {
  it("a 429 storm: create and update succeed, within the retry budget", async () => {
    const baseline = await p.create(spec("F0")); // warms the ServiceProviderConfig cache
    counter.reset("scim");
    fx.server.faults.set({ rateLimit: { count: 4, retryAfterSeconds: 0 } });
    const created = await p.create(spec("F1"));
    expect(copies("F1")).toBe(1);
    // 1 lookup + 1 POST, plus exactly the 4 rate-limited attempts retried
    expect(counter.get("scim")).toMatchObject({ total: 6, retries: 4 });
    fx.server.faults.set({ rateLimit: { count: 2, retryAfterSeconds: 0 } });
    await p.update!(created.id, created.outs as ScimAccountOutputs, spec("F1", { title: "Lead" }));
    expect(fx.server.store.User.get(created.id)!.title).toBe("Lead");
    expect(fx.server.faults.count({ method: "PATCH" })).toBe(3);
    expect(baseline.id).not.toBe(created.id);
  });

  it("5xx and dropped connections are retried; no duplicate account", async () => {
    fx.server.faults.set({
      serverError: { count: 2, status: 503 },
      drop: { count: 1, when: "after" },
      match: { methods: ["POST"] },
    });
    const created = await p.create(spec("F2"));
    expect(copies("F2")).toBe(1);
    expect(created.id).toBe([...fx.server.store.User.values()].find((u) => u.externalId === "F2")!.id);
    // POSTs: dropped-after (made it), then 2 × 503 then 409 → lookup → adopt
    expect(fx.server.faults.count({ method: "POST" })).toBe(4);
  });

  it("a storm longer than the budget fails clearly, and the next run converges", async () => {
    fx.server.faults.set({
      rateLimit: { count: quickRetry.maxAttempts, retryAfterSeconds: 0 },
      match: { methods: ["POST"] },
    });
    await expect(p.create(spec("F3"))).rejects.toMatchObject({ kind: "rate-limited", app: "scim", status: 429 });
    expect(fx.server.faults.count({ method: "POST" })).toBe(quickRetry.maxAttempts);
    expect(copies("F3")).toBe(0);
    await p.create(spec("F3"));
    expect(copies("F3")).toBe(1);
  });

  it("404-after-create: the read right after create waits out the lag instead of dropping the account", async () => {
    fx.server.faults.set({ notFoundAfterCreateMs: 300 });
    const created = await p.create(spec("F4"));
    const read = await p.read!(created.id, created.outs as ScimAccountOutputs);
    expect(read.id).toBe(created.id);
    expect(fx.server.faults.log().some((e) => e.fault === "not-found-after-create")).toBe(true);
    expect(counter.get("scim").byMethod.GET).toBeLessThanOrEqual(1 + quickRetry.maxAttempts);
  });
});
