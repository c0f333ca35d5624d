/**
 * Engine benchmark: N trivial dynamic resources (default 20,000; `npm run bench -- engine 2000` for fewer).
 * Runs first `up`, no-op `preview`, no-op `up` and a 1-resource targeted `up` through the real CLI, each in its own
 * process tree, and prints wall time, peak RSS per process and the checkpoint size; appends rows to
 * docs/BENCHMARKS.md.
 */
import { spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const REPO = resolve(__dirname, "../..");
const count = Number(process.argv[2] ?? 20000);
const dir = mkdtempSync(join(tmpdir(), "idlc-engine-bench-"));
cpSync(join(__dirname, "program"), dir, { recursive: true });
symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
const setConfig = (extra = "") => writeFileSync(join(dir, "Pulumi.bench.yaml"), `config:\n  enginebench:count: "${count}"\n${extra}`);

/** Children of `pid`, recursively, from /proc. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

/** Peak RSS (VmHWM) and CPU seconds so far of one process, named by its role. */
function sampleProcess(pid: number): { name: string; mb: number; cpu: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const hwm = /VmHWM:\s+(\d+)/.exec(status);
    const name = cmd.includes("dynamic-provider") ? "provider host" : cmd.includes("cmd/run") ? "program" : "engine";
    const cpu = (Number(stat[11]) + Number(stat[12])) / 100; // utime + stime, in clock ticks of 1/100 s
    return hwm ? { name, mb: Number(hwm[1]) / 1024, cpu } : undefined;
  } catch {
    return undefined;
  }
}

interface Measured {
  seconds: number;
  rss: Record<string, number>;
  /** CPU seconds per process: the machine is shared, so wall time alone overstates the engine's cost. */
  cpu: Record<string, number>;
  exitCode: number;
}

async function idlc(args: string[]): Promise<Measured> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(REPO, "bin/idlc.js"), ...args, "--cwd", dir, "--stack", "bench"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, PULUMI_CONFIG_PASSPHRASE: "bench" },
  });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-3000)));
  const rss: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  const sample = () => {
    for (const pid of [child.pid!, ...descendants(child.pid!)]) {
      const p = sampleProcess(pid);
      if (!p) continue;
      rss[p.name] = Math.max(rss[p.name] ?? 0, p.mb);
      cpu[p.name] = Math.max(cpu[p.name] ?? 0, p.cpu);
    }
  };
  const timer = setInterval(sample, 100);
  const exitCode = await new Promise<number>((done) => child.on("exit", (code) => done(code ?? 1)));
  clearInterval(timer);
  if (exitCode !== 0) process.stderr.write(stderr);
  return { seconds: (Date.now() - started) / 1000, rss, cpu, exitCode };
}

function fmt(m: Measured): string {
  return Object.keys(m.rss).map((k) => `${k} ${Math.round(m.rss[k]!)} MB / ${m.cpu[k]!.toFixed(1)} s CPU`).join(", ");
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const date = new Date().toISOString().slice(0, 10);
  const record = (label: string, goal: string, m: Measured, extra = "") => {
    const load = readFileSync("/proc/loadavg", "utf8").split(" ")[0];
    const line = `${label}: ${m.seconds.toFixed(1)} s wall (load ${load}), peak RSS / CPU: ${fmt(m)}${extra}${m.exitCode ? ` (exit ${m.exitCode})` : ""}`;
    console.log(line);
    rows.push(`| engine: ${label} (${count.toLocaleString("en-US")} dynamic resources) | ${goal} | ${m.seconds.toFixed(1)} s wall at load ${load}; peak RSS / CPU: ${fmt(m)}${extra}${m.exitCode ? ` — FAILED (exit ${m.exitCode})` : ""} | ${date} |`);
  };
  setConfig();
  const first = await idlc(["up", "--yes"]);
  const stateFile = join(dir, ".pulumi/stacks/enginebench/bench.json");
  record("first up", "—", first, `; state ${(statSync(stateFile).size / 1e6).toFixed(1)} MB`);
  record("no-op preview", "< 60 s, < 2 GB RSS per process", await idlc(["preview"]));
  record("no-op up", "< 2 GB RSS per process", await idlc(["up", "--yes"]));
  setConfig(`  enginebench:changed: "7"\n`);
  const urn = "urn:pulumi:bench::enginebench::pulumi-nodejs:dynamic/bench:Item::item-7";
  record("1-resource targeted up", "< 5 s", await idlc(["up", "--yes", "--target", urn]));
  if (process.env.BENCH_NO_RECORD !== "1") appendFileSync(join(REPO, "docs/BENCHMARKS.md"), `${rows.join("\n")}\n`);
  rmSync(dir, { recursive: true, force: true });
}

void main();
