/**
 * Engine benchmark: N trivial dynamic resources (default 20,000; `npm run bench -- engine 2000` for fewer).
 * Runs first `up`, no-op `preview`, no-op `up` and a 1-resource targeted `up` through the real CLI, each in its own
 * process tree, and prints wall time, peak RSS and CPU per process and the checkpoint size; appends rows to
 * docs/BENCHMARKS.md. In the same run it measures the SDK's floor (the program against mocks, no engine) as a
 * preview and as an up, and reports each operation as a multiple of it: the ratios are what compare across runs.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { formatUsage, loadAverage, measureNode, type Measured } from "../process-sampler";
import { describeFloor, measureSdkFloor, ratios } from "../sdk-floor/measure";

const REPO = resolve(__dirname, "../..");
const count = Number(process.argv[2] ?? 20000);
const dir = mkdtempSync(join(tmpdir(), "idlc-engine-bench-"));
cpSync(join(__dirname, "program"), dir, { recursive: true });
symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
const setConfig = (extra = "") =>
  writeFileSync(join(dir, "Pulumi.bench.yaml"), `config:\n  enginebench:count: "${count}"\n${extra}`);

async function idlc(args: string[]): Promise<Measured> {
  const m = await measureNode([join(REPO, "bin/idlc.js"), ...args, "--cwd", dir, "--stack", "bench"], {
    env: { PULUMI_CONFIG_PASSPHRASE: "bench" },
  });
  if (m.exitCode !== 0) process.stderr.write(m.stderr);
  return m;
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const date = new Date().toISOString().slice(0, 10);
  const record = (label: string, goal: string, m: Measured, floor?: Measured, extra = "") => {
    const load = loadAverage();
    const failed = m.exitCode ? ` — FAILED (exit ${m.exitCode})` : "";
    const ratio = floor ? `${ratios(m, floor)}; ` : "";
    const usage = `peak RSS / CPU: ${formatUsage(m)}${extra}`;
    const measured = `${ratio}${m.seconds.toFixed(1)} s wall at load ${load}; ${usage}`;
    console.log(`${label}: ${measured}${failed}`);
    const what = `${label} (${count.toLocaleString("en-US")} dynamic resources)`;
    rows.push(`| engine: ${what} | ${goal} | ${measured}${failed} | ${date} |`);
  };
  const config = { "enginebench:count": String(count) };
  const floorProgram = { programDir: dir, entry: "index.js", project: "enginebench", stack: "bench", config };
  const floors = {
    up: await measureSdkFloor(floorProgram, "up"),
    preview: await measureSdkFloor(floorProgram, "preview"),
  };
  for (const [mode, floor] of Object.entries(floors)) {
    if (floor.exitCode) process.stderr.write(floor.stderr);
    console.log(describeFloor(mode, floor));
    const floorRow = describeFloor(mode, floor).replace(":", ` (${count.toLocaleString("en-US")} resources) | — |`);
    rows.push(`| engine: ${floorRow} at load ${loadAverage()} | ${date} |`);
  }
  setConfig();
  const first = await idlc(["up", "--yes"]);
  const stateFile = join(dir, ".pulumi/stacks/enginebench/bench.json");
  const state = `; state ${(statSync(stateFile).size / 1e6).toFixed(1)} MB`;
  record("first up", "≤ 1.5× floor wall", first, floors.up, state);
  const goal = "≤ 1.25× floor wall, engine CPU ≤ 0.25× program's, engine ≤ 600 MB";
  record("no-op preview", goal, await idlc(["preview"]), floors.preview);
  record("no-op up", "< 2 GB RSS per process", await idlc(["up", "--yes"]), floors.up);
  setConfig(`  enginebench:changed: "7"\n`);
  const urn = "urn:pulumi:bench::enginebench::pulumi-nodejs:dynamic/bench:Item::item-7";
  record("1-resource targeted up", "< 5 s", await idlc(["up", "--yes", "--target", urn]));
  if (process.env.BENCH_NO_RECORD !== "1") appendFileSync(join(REPO, "docs/BENCHMARKS.md"), `${rows.join("\n")}\n`);
  rmSync(dir, { recursive: true, force: true });
}

void main();
