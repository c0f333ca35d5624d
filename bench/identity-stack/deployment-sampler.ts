/**
 * Runs one `idlc` command (a single shard or a whole `--deployment`) and samples its process tree from /proc every
 * 200 ms, attributing each process to the shard whose worker (an `idlc … --stack S` process) it descends from, so a
 * deployment's figures come out per shard: wall (the worker's lifetime), and peak RSS and CPU of every process.
 */
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../../scripts/workspace";
import { sampleProcess } from "../process-sampler";

export interface ProcessUsage {
  /** engine (the idlc process itself), program, provider host. */
  role: string;
  mb: number;
  cpu: number;
}

export interface ShardUsage {
  stack: string;
  /** From the first to the last sample that saw its worker: ±0.2 s. */
  seconds: number;
  processes: ProcessUsage[];
}

export interface TreeMeasured {
  seconds: number;
  exitCode: number;
  /** The last 4,000 characters of stderr. */
  stderr: string;
  /** The coordinator's own processes (a `--deployment` run's parent, which merges and judges). */
  coordinator: ProcessUsage[];
  shards: ShardUsage[];
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The stack a worker runs (`--stack S` on its command line), if the process is one. */
function stackOf(pid: number): string | undefined {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    const i = argv.indexOf("--stack");
    return i >= 0 ? argv[i + 1] : undefined;
  } catch {
    return undefined;
  }
}

/** `node bin/idlc.js <args>` in `cwd`, its stdout written to `stdoutFile` (or dropped), measured per shard. */
export async function measureIdlc(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; stdoutFile?: string },
): Promise<TreeMeasured> {
  const out = options.stdoutFile ? openSync(options.stdoutFile, "w") : "ignore";
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(repoRoot, "bin", "idlc.js"), ...args], {
    cwd: options.cwd,
    stdio: ["ignore", out, "pipe"],
    env: { ...process.env, ...options.env },
  });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  // Per process id: its shard ("" for the coordinator), latest usage; per shard: first and last time seen.
  const seen = new Map<number, { shard: string } & ProcessUsage>();
  const lifetimes = new Map<string, { first: number; last: number }>();
  const walk = (pid: number, shard: string) => {
    const own = stackOf(pid);
    const at = own ?? shard;
    const usage = sampleProcess(pid);
    if (usage) seen.set(pid, { shard: at, role: usage.name, mb: usage.mb, cpu: usage.cpu });
    if (own) {
      const t = Date.now();
      const life = lifetimes.get(own) ?? { first: t, last: t };
      lifetimes.set(own, { first: life.first, last: t });
    }
    for (const c of children(pid)) walk(c, at);
  };
  const timer = setInterval(() => walk(child.pid!, ""), 200);
  const closed = new Promise((done) => child.on("close", done));
  const exitCode = await new Promise<number>((done) => child.on("exit", (code) => done(code ?? 1)));
  clearInterval(timer);
  const seconds = (Date.now() - started) / 1000;
  await closed;
  if (typeof out === "number") closeSync(out);
  const usageOf = (shard: string): ProcessUsage[] =>
    [...seen.values()].filter((p) => p.shard === shard).map(({ role, mb, cpu }) => ({ role, mb, cpu }));
  const shards = [...lifetimes].map(([stack, life]) => ({
    stack,
    seconds: (life.last - life.first) / 1000,
    processes: usageOf(stack),
  }));
  return { seconds, exitCode, stderr, coordinator: usageOf(""), shards };
}

/** CPU seconds of all the processes. */
export const cpuOf = (ps: readonly ProcessUsage[]) => ps.reduce((n, p) => n + p.cpu, 0);

/** CPU seconds of the processes in one role (a shard's `program`). */
export const roleCpu = (ps: readonly ProcessUsage[], role: string) => cpuOf(ps.filter((p) => p.role === role));

/** The largest peak RSS among the processes, MB. */
export const peakMb = (ps: readonly ProcessUsage[]) => Math.max(0, ...ps.map((p) => p.mb));
