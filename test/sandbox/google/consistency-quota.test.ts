import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGoogleEmulator, type GoogleEmulator } from "../../../sandbox/google";
import { call, newUser } from "./api";

let e: GoogleEmulator;
beforeAll(async () => {
  e = await startGoogleEmulator();
});
afterAll(() => e.stop());
beforeEach(() =>
  Object.assign(e.control.behaviour, {
    visibilityDelayMs: 0,
    creationIncompleteMs: 0,
    groupPropagationMs: 0,
    queriesPerMinutePerUser: 2400,
  }),
);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("Directory API eventual consistency", () => {
  it("hides a new user from get and list for the configured time", async () => {
    e.control.behaviour.visibilityDelayMs = 200;
    const { body } = await call(e, "POST", "/users", newUser("fresh"));
    expect((await call(e, "GET", `/users/${body.id}`)).status).toBe(404);
    expect(
      (await call(e, "GET", "/users?customer=my_customer&query=email:fresh@example.com")).body.users,
    ).toBeUndefined();
    await sleep(220);
    expect((await call(e, "GET", `/users/${body.id}`)).status).toBe(200);
  });

  it("fails mutations right after insert with 'User creation is not complete'", async () => {
    e.control.behaviour.creationIncompleteMs = 200;
    const { body } = await call(e, "POST", "/users", newUser("incomplete"));
    const early = await call(e, "PUT", `/users/${body.id}`, { suspended: true });
    expect(early.body.error.message).toBe("User creation is not complete.");
    await sleep(220);
    expect((await call(e, "PUT", `/users/${body.id}`, { suspended: true })).status).toBe(200);
  });

  it("answers member inserts into a new group with 404 groupKey for a moment", async () => {
    e.control.behaviour.groupPropagationMs = 200;
    await call(e, "POST", "/users", newUser("joiner"));
    await call(e, "POST", "/groups", { email: "new@example.com", name: "New" });
    expect(
      (await call(e, "POST", "/groups/new@example.com/members", { email: "joiner@example.com" })).body.error.message,
    ).toBe("Resource Not Found: groupKey");
    await sleep(220);
    expect((await call(e, "POST", "/groups/new@example.com/members", { email: "joiner@example.com" })).status).toBe(
      200,
    );
  });
});

describe("Directory API quotas", () => {
  it("answers 403 userRateLimitExceeded above the per-user queries per minute", async () => {
    e.control.behaviour.queriesPerMinutePerUser = 3;
    e.control.advanceClock(61_000);
    for (let i = 0; i < 3; i++) expect((await call(e, "GET", "/users?customer=my_customer")).status).toBe(200);
    const over = await call(e, "GET", "/users?customer=my_customer");
    expect(over).toMatchObject({
      status: 403,
      body: { error: { errors: [{ reason: "userRateLimitExceeded", domain: "usageLimits" }] } },
    });
    e.control.advanceClock(61_000);
    expect((await call(e, "GET", "/users?customer=my_customer")).status).toBe(200);
  });

  it("answers queued quotaExceeded (403) and rateLimitExceeded (429)", async () => {
    e.control.failNext("quotaExceeded");
    e.control.failNext("rateLimitExceeded");
    expect(await call(e, "GET", "/users?customer=my_customer")).toMatchObject({
      status: 403,
      body: { error: { errors: [{ reason: "quotaExceeded" }] } },
    });
    expect(await call(e, "GET", "/users?customer=my_customer")).toMatchObject({
      status: 429,
      body: { error: { errors: [{ reason: "rateLimitExceeded" }] } },
    });
  });

  it("answers injected 429 faults in Google's shape with Retry-After", async () => {
    e.faults.set({ rateLimit: { count: 1, retryAfterSeconds: 2 } });
    const res = await fetch(`${e.url}/users?customer=my_customer`, { headers: { authorization: `Bearer ${e.token}` } });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(await res.json()).toMatchObject({ error: { code: 429, errors: [{ reason: "rateLimitExceeded" }] } });
    e.faults.clear();
  });
});
