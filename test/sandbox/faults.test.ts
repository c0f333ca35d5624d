import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFaultController, faultControlRoutes, faultMiddleware } from "../../sandbox/faults";

const faults = createFaultController();
const store = new Map<string, string>();
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(faultControlRoutes(faults));
  app.use(faultMiddleware(faults));
  app.post("/things", (_req, res) => {
    const id = `t${store.size + 1}`;
    store.set(id, "x");
    res.status(201).json({ id });
  });
  app.get(
    "/things/:id",
    (req, res) => void (store.has(req.params.id) ? res.json({ id: req.params.id }) : res.status(404).json({})),
  );
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  faults.clear();
  faults.resetLog();
  store.clear();
});

describe("fault injection", () => {
  it("answers 429 with Retry-After for the next N matching requests, then passes through", async () => {
    faults.set({ rateLimit: { count: 2, retryAfterSeconds: 3 }, match: { methods: ["POST"] } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${base}/things`, { method: "POST" })).status);
    expect(statuses).toEqual([429, 429, 201]);
    expect((await fetch(`${base}/things/t1`)).status).toBe(200);
    const limited = await fetch(`${base}/things`, { method: "POST" });
    expect(limited.status).toBe(201);
    faults.set({ rateLimit: { count: 1, retryAfterSeconds: 3 } });
    const r = await fetch(`${base}/things/t1`);
    expect([r.status, r.headers.get("retry-after"), ((await r.json()) as { status: string }).status]).toEqual([
      429,
      "3",
      "429",
    ]);
    expect(faults.log().map((e) => e.fault ?? e.status)).toEqual([
      "rate-limit",
      "rate-limit",
      201,
      200,
      201,
      "rate-limit",
    ]);
  });

  it("injects 5xx and drops connections before the handler runs", async () => {
    faults.set({ serverError: { count: 1, status: 502 }, drop: { count: 1 } });
    await expect(fetch(`${base}/things`, { method: "POST" })).rejects.toThrow();
    expect((await fetch(`${base}/things`, { method: "POST" })).status).toBe(502);
    expect(store.size).toBe(0);
  });

  it("drops the answer after the change was made (a lost create response)", async () => {
    faults.set({ drop: { count: 1, when: "after" } });
    await expect(fetch(`${base}/things`, { method: "POST" })).rejects.toThrow();
    expect([...store.keys()]).toEqual(["t1"]);
    expect(faults.log()[0]).toMatchObject({ status: 0, fault: "drop-after" });
  });

  it("hides a new resource from GETs for N ms", async () => {
    faults.set({ notFoundAfterCreateMs: 150 });
    const { id } = (await (await fetch(`${base}/things`, { method: "POST" })).json()) as { id: string };
    expect((await fetch(`${base}/things/${id}`)).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await fetch(`${base}/things/${id}`)).status).toBe(200);
  });

  it("adds latency", async () => {
    faults.set({ latencyMs: 120 });
    const started = Date.now();
    await fetch(`${base}/things/none`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("is controlled over HTTP and validates the settings", async () => {
    const post = (body: unknown) =>
      fetch(`${base}/_faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post({ serverError: { count: 1 } })).status).toBe(200);
    expect((await fetch(`${base}/things/x`)).status).toBe(503);
    expect((await post({ serverError: { count: -1 } })).status).toBe(400);
    expect((await post({ bogus: true })).status).toBe(400);
    const log = (await (await fetch(`${base}/_faults/log`)).json()) as { requests: unknown[] };
    expect(log.requests).toHaveLength(1); // control calls are not logged
    expect((await fetch(`${base}/_faults`, { method: "DELETE" })).status).toBe(204);
    expect(faults.settings).toEqual({});
    expect(faults.count({ method: "GET", path: /^\/things/ })).toBe(1);
  });
});
