/**
 * A provider's rate-limit wait reaches the engine the standard Pulumi way: the SDK's own dynamic-provider host,
 * started by the engine with the monitor's address, runs a provider whose HTTP call gets a 429; the wait arrives
 * at the monitor as an ephemeral info `Engine.Log` naming the resource, and an empty one clears it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startDynamicProviderHost, type DynamicProviderHost } from "../../../engine/host";
import { startMonitor, type LogEntry, type MonitorServer } from "../../../engine/monitor";

const ROOT = path.join(__dirname, "../../..");
const URN = "urn:pulumi:dev::demo::pulumi-nodejs:dynamic/idlc:SlackAccount::slack/E1";
// A serialized dynamic provider, as the SDK stores one under `__provider`: loads provider/net as a project's
// provider module does, and makes one POST through the shared HTTP client.
const PROVIDER = `
  require(${JSON.stringify(require.resolve("tsx/cjs"))});
  const net = require(${JSON.stringify(path.join(ROOT, "provider/net/index.ts"))});
  exports.handler = () => ({
    async create(inputs) {
      const counter = net.createRequestCounter();
      const client = net.createHttpClient({ app: "slack", baseUrl: inputs.baseUrl, counter });
      await client.request({ method: "POST", path: "/Users" });
      return { id: "U1", outs: { baseUrl: inputs.baseUrl } };
    },
  });`;

let server: http.Server;
let monitor: MonitorServer;
let host: DynamicProviderHost;
let baseUrl = "";
const logs: LogEntry[] = [];
let answered = 0;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    const throttled = answered++ === 0;
    const retryAfter = throttled ? { "retry-after": "2" } : {};
    res.writeHead(throttled ? 429 : 201, { "content-type": "application/json", ...retryAfter });
    res.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  monitor = await startMonitor({
    register: async () => {
      throw new Error("no program in this test");
    },
    registerOutputs: async () => undefined,
    unsupported: () => undefined,
    log: (entry) => void logs.push(entry),
  });
  host = await startDynamicProviderHost({ programDir: ROOT, engineAddress: monitor.address, env: process.env });
}, 30_000);
afterAll(async () => {
  host?.close();
  await monitor?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it("a 429 in a provider call shows on its resource while the call waits, then clears", async () => {
  const ref = { urn: URN, type: "pulumi-nodejs:dynamic/idlc:SlackAccount", name: "slack/E1" };
  const inputs = { __provider: PROVIDER, baseUrl };
  // The engine's order: Check (which loads the provider's code), then Create.
  await host.check(ref, {}, inputs);
  const created = await host.create(ref, inputs);
  expect(created.id).toBe("U1");
  expect(answered).toBe(2);
  const ephemeral = logs.filter((l) => l.ephemeral);
  expect(ephemeral).toEqual([
    { severity: 1, message: "waiting 2.0s on slack rate limit (HTTP 429, Retry-After: 2)", urn: URN, ephemeral: true },
    { severity: 1, message: "", urn: URN, ephemeral: true },
  ]);
}, 30_000);
