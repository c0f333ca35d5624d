import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { slackAccountProvider as p } from "../../../provider/apps/slack";
import { defaultRetryPolicy } from "../../../provider/net";
import { callsOf, spec, startSlackHarness, usersWithEmail, type SlackHarness } from "./harness";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.emulator.stop());
beforeEach(() => {
  h.emulator.faults.clear();
  h.emulator.faults.resetLog();
});

describe("SlackAccount under injected faults", () => {
  it("converges through a 429 storm, honouring Retry-After, within the retry budget and without duplicates", async () => {
    const ins = spec("E400");
    h.emulator.faults.set({ rateLimit: { count: 3, retryAfterSeconds: 0.2 } });
    const { result, total, calls } = await callsOf(() => p.create(ins));
    expect(result.outs).toMatchObject({ adopted: false });
    expect(total).toBe(2 + 3); // lookup + create, plus one retry per 429
    expect(calls).toEqual({ GET: 4, POST: 1 }); // the storm hit the lookup
    expect(await usersWithEmail(h.emulator, ins.email)).toHaveLength(1);
  });

  it("converges through 5xx answers on writes", async () => {
    const ins = spec("E401");
    const { id, outs } = await p.create(ins);
    h.emulator.faults.set({ serverError: { count: 2, status: 503 }, match: { methods: ["PATCH"] } });
    const { calls } = await callsOf(() => p.update!(id, outs!, { ...ins, enabled: false }));
    expect(calls).toEqual({ PATCH: 3, GET: 1 });
    expect(h.emulator.control.user(id)?.active).toBe(false);
  });

  it("gives up after the retry budget with an error naming app, method, path and status — never the token", async () => {
    h.emulator.faults.set({ rateLimit: { count: 100, retryAfterSeconds: 0.05 } });
    const { result: err, total } = await callsOf(() =>
      p.create(spec("E402")).then(
        () => new Error("created"),
        (e: unknown) => e as Error,
      ),
    );
    expect(total).toBe(defaultRetryPolicy.maxAttempts);
    expect(err).toMatchObject({ kind: "rate-limited", app: "slack", method: "GET", path: "/Users", status: 429 });
    expect(String(err.message)).not.toContain(h.emulator.token);
  });

  it("rides out 404-after-create: read and update right after create see the new user", async () => {
    const ins = spec("E403");
    h.emulator.faults.set({ notFoundAfterCreateMs: 400 });
    const { id, outs } = await p.create(ins);
    const read = await p.read!(id, outs!);
    expect(read.id).toBe(id);
    h.emulator.faults.set({ notFoundAfterCreateMs: 400 });
    const again = await p.create(spec("E404"));
    await p.update!(again.id, again.outs!, { ...spec("E404"), title: "Lead" });
    expect(h.emulator.control.user(again.id)?.title).toBe("Lead");
    expect(h.emulator.faults.log().some((e) => e.fault === "not-found-after-create")).toBe(true);
  });

  it("creates 25 people at once paced to Slack's write limits: no duplicates, at most a few borderline 429s", async () => {
    const people = Array.from({ length: 25 }, (_, i) => spec(`E5${String(i).padStart(2, "0")}`));
    const { calls } = await callsOf(() => Promise.all(people.map((ins) => p.create(ins))));
    // The client waits for Slack's POST /Users bucket (burst 20, then 3/s); arrival jitter can still meet a
    // token a few ms early, which a retry absorbs.
    const limited = h.emulator.faults.log().filter((e) => e.status === 429).length;
    expect(limited).toBeLessThanOrEqual(5);
    expect(calls.GET).toBe(25);
    expect(calls.POST).toBe(25 + limited);
    for (const ins of people) expect(await usersWithEmail(h.emulator, ins.email)).toHaveLength(1);
  });
});
