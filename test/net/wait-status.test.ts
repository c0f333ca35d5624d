import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createHttpClient,
  createPacer,
  createRequestCounter,
  createStatusReporter,
  engineAddressOf,
  waitText,
  type EngineLogEntry,
  type StatusReporter,
} from "../../provider/net";

/** A reporter that records what a person would have seen: each shown status, and `—` for each clear. */
function recorder(): StatusReporter & { seen: string[] } {
  const seen: string[] = [];
  return { seen, show: (text) => void seen.push(text), clear: () => void seen.push("—") };
}

describe("waitText", () => {
  it.each([
    [4_000, { kind: "pacing", perMinute: 600 } as const, "waiting 4.0s on slack rate limit (600/min)"],
    [
      30_000,
      { kind: "retry", status: 429, retryAfter: "30", attempt: 0, maxAttempts: 6 } as const,
      "waiting 30s on slack rate limit (HTTP 429, Retry-After: 30)",
    ],
    [
      2_500,
      { kind: "retry", status: 429, attempt: 1, maxAttempts: 6 } as const,
      "waiting 2.5s on slack rate limit (HTTP 429)",
    ],
    [
      3_000,
      { kind: "retry", status: 503, attempt: 1, maxAttempts: 6 } as const,
      "waiting 3.0s to retry slack (HTTP 503, attempt 2 of 6)",
    ],
    [
      3_000,
      { kind: "retry", status: 0, attempt: 0, maxAttempts: 6 } as const,
      "waiting 3.0s to retry slack (no answer, attempt 1 of 6)",
    ],
  ])("%d ms %j", (ms, reason, text) => expect(waitText("slack", ms, reason)).toBe(text));
});

describe("createStatusReporter", () => {
  it("sends an ephemeral info Engine.Log for the running call's resource, and an empty one to clear it", () => {
    const sent: EngineLogEntry[] = [];
    const urn = "urn:pulumi:s::p::T::slack/E1";
    const status = createStatusReporter({ log: { send: (e) => void sent.push(e) }, urn: () => urn });
    status.show("waiting 4.0s on slack rate limit (600/min)");
    status.clear();
    expect(sent).toEqual([
      { severity: 1, message: "waiting 4.0s on slack rate limit (600/min)", urn, ephemeral: true },
      { severity: 1, message: "", urn, ephemeral: true },
    ]);
  });
});

describe("engineAddressOf", () => {
  const main = "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js";
  it.each([
    [main, ["127.0.0.1:4321"], "127.0.0.1:4321"],
    [main, ["--logtostderr", "-v=9", "localhost:50001"], "localhost:50001"],
    [main, ["[::1]:7"], "[::1]:7"],
    ["/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider", ["127.0.0.1:9"], "127.0.0.1:9"],
    ["/p/node_modules/vitest/vitest.mjs", ["127.0.0.1:9"], undefined],
    [main, ["not-an-address"], undefined],
    [undefined, ["127.0.0.1:9"], undefined],
  ])("main %s, args %j → %s", (file, args, address) => expect(engineAddressOf(file, args)).toBe(address));
});

describe("the HTTP client shows its waits", () => {
  let server: http.Server;
  let baseUrl = "";
  const answers: Array<{ status: number; headers?: Record<string, string> }> = [];
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      const a = answers.shift() ?? { status: 200 };
      res.writeHead(a.status, { "content-type": "application/json", ...a.headers }).end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const client = (status: StatusReporter, extra: Partial<Parameters<typeof createHttpClient>[0]> = {}) =>
    createHttpClient({
      app: "slack",
      baseUrl,
      status,
      counter: createRequestCounter(),
      sleep: async () => undefined,
      random: () => 1,
      ...extra,
    });

  it("a 429 with Retry-After: the wait while it lasts, cleared before the retry goes out", async () => {
    const status = recorder();
    const order: string[] = [];
    answers.push({ status: 429, headers: { "retry-after": "3" } });
    const sleep = async (ms: number) => void order.push(`slept ${ms} after ${status.seen.length} status`);
    const c = client(status, { sleep });
    expect((await c.request({ method: "POST", path: "/Users" })).status).toBe(200);
    expect(status.seen).toEqual(["waiting 3.0s on slack rate limit (HTTP 429, Retry-After: 3)", "—"]);
    expect(order).toEqual(["slept 3000 after 1 status"]);
  });

  it("a wait of a second or less is not worth a line", async () => {
    const status = recorder();
    answers.push({ status: 429, headers: { "retry-after": "1" } }, { status: 503 });
    await client(status, { retry: { baseDelayMs: 500 } }).request({ method: "GET", path: "/Users" });
    expect(status.seen).toEqual([]);
  });

  it("pacing past the burst shows the documented limit, then clears when the request may go", async () => {
    let clock = 0;
    const pacer = createPacer({ perMinute: 30, burst: 1, now: () => clock, sleep: async (ms) => void (clock += ms) });
    const status = recorder();
    const c = client(status, { pacer });
    await c.request({ method: "POST", path: "/Users" });
    expect(status.seen).toEqual([]);
    await c.request({ method: "POST", path: "/Users" });
    expect(status.seen).toEqual(["waiting 2.0s on slack rate limit (30/min)", "—"]);
  });
});
