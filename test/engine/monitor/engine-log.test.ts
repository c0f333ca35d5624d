/**
 * The monitor's `Engine.Log` service, as provider plugins and the program reach it: every field of the request
 * (severity, message, URN, ephemeral) reaches the handler. Sent with the provider-side client from provider/net.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMonitor, type LogEntry, type MonitorServer } from "../../../engine/monitor";
import { createEngineLog, type EngineLog } from "../../../provider/net";

let monitor: MonitorServer;
let client: EngineLog;
const logs: LogEntry[] = [];

beforeAll(async () => {
  monitor = await startMonitor({
    register: async () => {
      throw new Error("no program in this test");
    },
    registerOutputs: async () => undefined,
    unsupported: () => undefined,
    log: (entry) => void logs.push(entry),
  });
  client = createEngineLog(monitor.address);
});
afterAll(async () => {
  client?.close();
  await monitor?.close();
});

async function until(count: number): Promise<void> {
  for (let i = 0; logs.length < count && i < 200; i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

it("passes severity, message, URN and the ephemeral flag through", async () => {
  client.send({ severity: 1, message: "waiting 4.0s on slack rate limit (600/min)", urn: "urn:a", ephemeral: true });
  await until(1);
  client.send({ severity: 2, message: "a warning for the record", ephemeral: false });
  await until(2);
  expect(logs).toEqual([
    { severity: 1, message: "waiting 4.0s on slack rate limit (600/min)", urn: "urn:a", ephemeral: true },
    { severity: 2, message: "a warning for the record", urn: "", ephemeral: false },
  ]);
});
