/**
 * The engine's CPU per resource for the two provider-host calls every unchanged resource costs (Check, Diff),
 * against the SDK's real `cmd/dynamic-provider` process: through grpc-js's client (what the engine used before
 * issue #24 session 5, and the floor here) and through `engine/grpc`, alternating, in one run. Only this process's
 * CPU is counted (`process.cpuUsage`), so the figure holds on a loaded machine better than wall time does.
 * Usage: npm run bench -- engine-rpc [pairs]   (default 4,000 Check+Diff pairs per round, 8 in flight)
 */
import * as grpc from "@grpc/grpc-js";
import { appendFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { connectUnary } from "../../engine/grpc";
import { proto, resolveSdk, spawnPlugin } from "../../engine/host";
import { encodeStruct, ProtoWriter, type PropertyMap } from "../../engine/properties";
import { loadAverage } from "../process-sampler";

const REPO = resolve(__dirname, "../..");
const pairs = Number(process.argv[2] ?? 4000);
const IN_FLIGHT = 8;
const { provproto, provrpc, toStruct } = proto;

// A provider text the host can load, padded to the ~1.9 KB the SDK serializes for bench/engine's provider.
const PROVIDER = `exports.handler = () => ({
  check: async (olds, news) => ({ inputs: news }),
  diff: async (id, olds, news) => ({ changes: olds.value !== news.value }),
});
${"// padding to the size of a serialized provider\n".repeat(38)}`;

type Send = (path: string, request: Buffer) => Promise<Buffer>;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "idlc-engine-rpc-"));
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
  writeFileSync(join(dir, "package.json"), "{}");
  const host = await spawnPlugin({
    what: "the dynamic provider host",
    args: [resolveSdk("cmd/dynamic-provider", dir), "127.0.0.1:1"],
    cwd: dir,
    env: process.env,
  });
  const engineClient = connectUnary(host.address);
  const grpcClient = new grpc.Client(host.address, grpc.credentials.createInsecure(), {
    "grpc.enable_retries": 0,
    "grpc.enable_channelz": 0,
  });
  const configure = new provproto.ConfigureRequest().setArgs(toStruct({})).setAcceptsecrets(true);
  await engineClient.call(provrpc.ResourceProviderService.configure.path, Buffer.from(configure.serializeBinary()));

  const clients: Record<string, Send> = {
    "grpc-js": (path, request) =>
      new Promise((done, fail) =>
        grpcClient.makeUnaryRequest(
          path,
          (b: Buffer) => b,
          (b: Buffer) => b,
          request,
          (err, res) => (err ? fail(err) : done(res!)),
        ),
      ),
    "engine/grpc": (path, request) => engineClient.call(path, request),
  };
  const w = new ProtoWriter();
  const pair = async (send: Send, i: number) => {
    const name = `item-${i}`;
    const urn = `urn:pulumi:bench::enginebench::pulumi-nodejs:dynamic/bench:Item::${name}`;
    const type = "pulumi-nodejs:dynamic/bench:Item";
    const inputs: PropertyMap = { __provider: PROVIDER, key: name, value: `value ${i}` };
    const bytes = encodeStruct(inputs, "stripped");
    w.string(1, urn).bytes(2, bytes).bytes(3, bytes).bytes(5, Buffer.alloc(32)).string(6, name).string(7, type);
    await send(provrpc.ResourceProviderService.check.path, w.finish());
    w.string(1, name).string(2, urn).bytes(3, bytes).bytes(4, bytes).bytes(6, bytes).string(7, name).string(8, type);
    await send(provrpc.ResourceProviderService.diff.path, w.finish());
  };
  const round = async (label: string): Promise<number> => {
    const send = clients[label]!;
    for (let i = 0; i < 200; i++) await pair(send, i); // warm: JIT, connection
    const before = process.cpuUsage();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < pairs) await pair(send, next++);
      }),
    );
    const used = process.cpuUsage(before);
    const perPair = (used.user + used.system) / pairs;
    console.log(`${label}: ${perPair.toFixed(0)} µs CPU per Check+Diff pair (${pairs} pairs, load ${loadAverage()})`);
    return perPair;
  };

  const results: Record<string, number[]> = { "grpc-js": [], "engine/grpc": [] };
  for (const label of ["grpc-js", "engine/grpc", "grpc-js", "engine/grpc"]) results[label]!.push(await round(label));
  const best = (label: string) => Math.min(...results[label]!);
  const ratio = best("engine/grpc") / best("grpc-js");
  console.log(`engine/grpc / grpc-js: ${ratio.toFixed(2)}× (best of two rounds each)`);
  const date = new Date().toISOString().slice(0, 10);
  const row =
    `| engine-rpc: Check+Diff client CPU per resource, engine/grpc vs grpc-js (${pairs} pairs, ${IN_FLIGHT} in flight) ` +
    `| — | ${ratio.toFixed(2)}×; ${best("engine/grpc").toFixed(0)} vs ${best("grpc-js").toFixed(0)} µs at load ` +
    `${loadAverage()} | ${date} |`;
  if (process.env.BENCH_NO_RECORD !== "1") appendFileSync(join(REPO, "docs/BENCHMARKS.md"), `${row}\n`);
  engineClient.close();
  grpcClient.close();
  host.kill();
  rmSync(dir, { recursive: true, force: true });
}

void main();
