import { afterEach, describe, expect, it } from "vitest";
import { startSlackEmulator, type SlackEmulator } from "../../../sandbox/slack";
import { RateLimiter } from "../../../sandbox/slack/rate-limit";
import { caller, newUser, patchOps, slackError } from "./call";

let emu: SlackEmulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

describe("Slack emulator: auth and discovery", () => {
  it("refuses a missing or wrong bearer token with Slack's errors", async () => {
    emu = await startSlackEmulator({ token: "xoxp-right" });
    expect((await caller(emu, "")("GET", "/Users")).body).toEqual(slackError(401, "missing_authentication"));
    expect((await caller(emu, "xoxp-wrong")("GET", "/Users")).body).toEqual(slackError(401, "invalid_authentication"));
    expect((await caller(emu)("GET", "/Users")).status).toBe(200);
  });

  it("serves ServiceProviderConfig (and the v1 spelling), ResourceTypes and Schemas", async () => {
    emu = await startSlackEmulator();
    const call = caller(emu);
    const spc = (await call("GET", "/ServiceProviderConfig")).body;
    expect(spc).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 1000 },
      etag: { supported: false },
    });
    expect((await call("GET", "/ServiceProviderConfigs")).body).toEqual(spc);
    expect((await call("GET", "/ResourceTypes")).body.Resources.map((r: { id: string }) => r.id)).toEqual([
      "User",
      "Group",
    ]);
    expect((await call("GET", "/Schemas/Users")).status).toBe(200);
  });
});

describe("Slack emulator: rate limits", () => {
  it("allows a burst of 20 user creates, then answers 429 too_many_requests with Retry-After", async () => {
    emu = await startSlackEmulator();
    const call = caller(emu);
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => call("POST", "/Users", newUser(`burst${i}`, `b${i}@corp.com`))),
    );
    // 20 from the burst, plus one per 333 ms the 30 requests took to arrive (180/min refill).
    const created = answers.filter((a) => a.status === 201).length;
    expect(created).toBeGreaterThanOrEqual(20);
    expect(created).toBeLessThanOrEqual(20 + Math.ceil((Date.now() - started) / 333));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBe(30 - created);
    expect(limited[0]!.body).toEqual(slackError(429, "too_many_requests"));
    expect(Number(limited[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await call("GET", "/Users")).status).toBe(200); // reads draw from other buckets
  });

  it("refills at the documented rate: 180/min is one token every 333 ms", () => {
    let t = 0;
    const limiter = new RateLimiter(1, () => t);
    for (let i = 0; i < 20; i++) expect(limiter.take(["writes", "POST /Users"])).toBe(0);
    expect(limiter.take(["writes", "POST /Users"])).toBe(334);
    t += 334;
    expect(limiter.take(["writes", "POST /Users"])).toBe(0);
    expect(limiter.take(["writes", "DELETE /Users/{id}"])).toBe(0); // its own bucket
  });

  it("answers a second write to a locked user with 429 resource_locked", async () => {
    emu = await startSlackEmulator({ writeDelayMs: 1000 });
    const call = caller(emu);
    const { body: user } = await call("POST", "/Users", newUser("locked", "locked@corp.com"));
    const op = patchOps({ op: "replace", path: "title", value: "x" });
    const [a, b] = await Promise.all([call("PATCH", `/Users/${user.id}`, op), call("PATCH", `/Users/${user.id}`, op)]);
    expect([a.status, b.status].sort()).toEqual([200, 429]);
    expect([a, b].find((r) => r.status === 429)!.body).toEqual(slackError(429, "resource_locked"));
  });
});

describe("Slack emulator: faults", () => {
  it("injects 429s with Slack's error body and logs requests", async () => {
    emu = await startSlackEmulator();
    const call = caller(emu);
    emu.faults.set({ rateLimit: { count: 1, retryAfterSeconds: 2 } });
    const limited = await call("GET", "/Users");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect(limited.body).toMatchObject({ detail: "too_many_requests", status: 429 });
    expect((await call("GET", "/Users")).status).toBe(200);
    expect(emu.faults.count({ method: "GET" })).toBe(2);
  });

  it("hides a new user from GET by id for a while after create (read-after-write lag)", async () => {
    emu = await startSlackEmulator();
    const call = caller(emu);
    emu.faults.set({ notFoundAfterCreateMs: 60_000 });
    const { body: user } = await call("POST", "/Users", newUser("lag", "lag@corp.com"));
    expect((await call("GET", `/Users/${user.id}`)).status).toBe(404);
  });
});
