import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHttpClient, createRequestCounter, HttpError } from "../../provider/net";

/** A scripted loopback server: each request takes the next step of the script for its path. */
type Step = { status: number; body?: unknown; headers?: Record<string, string> } | "drop";
let script: Step[] = [];
const seen: Array<{ method: string; url: string; auth?: string; body: string }> = [];
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
      const step = script.shift() ?? { status: 200, body: { ok: true } };
      if (step === "drop") return req.socket.destroy();
      res.writeHead(step.status, { "content-type": "application/scim+json", ...step.headers });
      res.end(step.body === undefined ? "" : JSON.stringify(step.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  script = [];
  seen.length = 0;
});

function client(extra: Partial<Parameters<typeof createHttpClient>[0]> = {}) {
  const slept: number[] = [];
  const counter = createRequestCounter();
  const c = createHttpClient({
    app: "demo",
    baseUrl,
    auth: async () => "s3cret-token",
    counter,
    random: () => 1,
    sleep: async (ms) => void slept.push(ms),
    retry: { baseDelayMs: 10, maxAttempts: 4 },
    ...extra,
  });
  return { c, slept, counter };
}

describe("createHttpClient", () => {
  it("sends bearer auth, JSON bodies and query strings, and parses JSON answers", async () => {
    script = [{ status: 201, body: { id: "1" } }];
    const { c, counter } = client();
    const res = await c.request({
      method: "POST",
      path: "/Users",
      query: { a: "x y", skip: undefined },
      body: { userName: "a" },
    });
    expect(res).toMatchObject({ status: 201, body: { id: "1" } });
    expect(seen[0]).toMatchObject({
      method: "POST",
      url: "/api/Users?a=x+y",
      auth: "Bearer s3cret-token",
      body: '{"userName":"a"}',
    });
    expect(counter.get("demo")).toEqual({ total: 1, retries: 0, byMethod: { POST: 1 } });
  });

  it("retries 429 honouring Retry-After, and 5xx with backoff, then succeeds", async () => {
    script = [
      { status: 429, headers: { "retry-after": "2" } },
      { status: 503 },
      { status: 502 },
      { status: 200, body: {} },
    ];
    const { c, slept, counter } = client();
    expect((await c.request({ method: "GET", path: "/x" })).status).toBe(200);
    expect(slept).toEqual([2000, 20, 40]);
    expect(counter.get("demo")).toMatchObject({ total: 4, retries: 3 });
  });

  it("retries a dropped connection", async () => {
    script = ["drop", { status: 200, body: { ok: 1 } }];
    const { c, counter } = client();
    expect((await c.request({ method: "GET", path: "/x" })).body).toEqual({ ok: 1 });
    expect(counter.get("demo").total).toBe(2);
  });

  it("stops at maxAttempts and reports rate-limited with the API's detail, never the token", async () => {
    script = Array(5).fill({ status: 429, body: { detail: "too_many_requests" }, headers: { "retry-after": "1" } });
    const { c, counter } = client();
    const err = await c.request({ method: "PATCH", path: "/Users/7", query: { q: "1" } }).catch((e) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({
      kind: "rate-limited",
      app: "demo",
      method: "PATCH",
      path: "/Users/7",
      status: 429,
      retryAfterMs: 1000,
    });
    expect(err.message).toMatch(
      /demo: PATCH \/Users\/7 failed \(HTTP 429\): too_many_requests \(gave up after 4 attempts\)/,
    );
    expect(JSON.stringify({ ...err, m: err.message, s: err.stack })).not.toContain("s3cret");
    expect(counter.get("demo").total).toBe(4);
  });

  it("gives up at once when Retry-After exceeds the budget", async () => {
    script = [{ status: 503, headers: { "retry-after": "3600" } }];
    const { c, counter } = client();
    await expect(c.request({ method: "GET", path: "/x" })).rejects.toMatchObject({
      kind: "unavailable",
      retryAfterMs: 3_600_000,
    });
    expect(counter.get("demo").total).toBe(1);
  });

  it.each([
    [400, "invalid"],
    [401, "unauthenticated"],
    [403, "permission-denied"],
    [404, "not-found"],
    [409, "conflict"],
    [412, "conflict"],
    [501, "unavailable"],
  ])("maps %d to %s without retrying", async (status, kind) => {
    script = [{ status, body: { schemas: [], scimType: "uniqueness", detail: "nope", status: String(status) } }];
    const { c, counter } = client();
    await expect(c.request({ method: "GET", path: "/x" })).rejects.toMatchObject({ kind, status, detail: "nope" });
    expect(counter.get("demo").total).toBe(1);
  });

  it("returns expected non-2xx statuses as answers", async () => {
    script = [{ status: 404, body: { detail: "gone" } }];
    const { c } = client();
    expect((await c.request({ method: "GET", path: "/x", expect: [200, 404] })).status).toBe(404);
  });

  it("does not parse a success answer the caller ignores, but still reads an error's detail", async () => {
    const group = { id: "S1", members: Array.from({ length: 3000 }, (_, i) => ({ value: `U${i}`, display: "x" })) };
    script = [
      { status: 200, body: group },
      { status: 200, body: group },
      { status: 409, body: { detail: "taken" } },
    ];
    const { c } = client();
    const patch = { method: "PATCH", path: "/Groups/S1", body: { Operations: [] } } as const;
    expect(await c.request({ ...patch, ignoreAnswer: true })).toMatchObject({ status: 200, body: undefined });
    // The same call without the flag parses the same answer: the flag, not the server, made the difference.
    expect((await c.request(patch)).body).toEqual(group);
    await expect(c.request({ ...patch, ignoreAnswer: true })).rejects.toMatchObject({
      kind: "conflict",
      detail: "taken",
    });
    expect(seen.map((s) => s.method)).toEqual(["PATCH", "PATCH", "PATCH"]);
  });

  it("retries 404 only inside the read-after-write window", async () => {
    script = [{ status: 404 }, { status: 404 }, { status: 200, body: { id: "n" } }];
    let clock = 0;
    const { c } = client({ now: () => clock, sleep: async (ms) => void (clock += ms) });
    expect((await c.request({ method: "GET", path: "/Users/n", retryNotFoundFor: 1000 })).body).toEqual({ id: "n" });
    script = [{ status: 404 }, { status: 404 }, { status: 404 }];
    clock = 0;
    const late = client({ now: () => clock, sleep: async () => void (clock += 600) });
    const res = await late.c.request({ method: "GET", path: "/Users/n", retryNotFoundFor: 1000, expect: [200, 404] });
    expect(res.status).toBe(404);
    expect(seen.length).toBe(6); // 3 + 3: at 0 and 600 ms still inside the window, at 1200 ms the 404 is final
  });

  it("times out a silent server and reports unavailable", async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const { c } = client({ baseUrl: url, timeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 1 } });
    await expect(c.request({ method: "GET", path: "/x" })).rejects.toMatchObject({
      kind: "unavailable",
      status: 0,
      detail: expect.stringMatching(/timed out after 100 ms/),
    });
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });
});
