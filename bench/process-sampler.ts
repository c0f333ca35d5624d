/**
 * Runs a command as a child process tree and samples every process in it from /proc: peak RSS (VmHWM) and CPU
 * seconds per role (engine, program, provider host), plus wall time. Shared by the benchmarks that drive `idlc`.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

export interface Measured {
  seconds: number;
  rss: Record<string, number>;
  /** CPU seconds per process: the machine is shared, so wall time alone overstates the engine's cost. */
  cpu: Record<string, number>;
  exitCode: number;
  /** The last 3,000 characters of stderr: idlc's output, printed when the command fails. */
  stderr: string;
}

/** Children of `pid`, recursively, from /proc. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

/** Peak RSS (VmHWM) and CPU seconds so far of one process, named by its role. */
export function sampleProcess(pid: number): { name: string; mb: number; cpu: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const hwm = /VmHWM:\s+(\d+)/.exec(status);
    const name = cmd.includes("dynamic-provider")
      ? "provider host"
      : cmd.includes("cmd/run")
        ? "program"
        : cmd.includes("run-with-mocks")
          ? "sdk floor"
          : "engine";
    const cpu = (Number(stat[11]) + Number(stat[12])) / 100; // utime + stime, in clock ticks of 1/100 s
    return hwm ? { name, mb: Number(hwm[1]) / 1024, cpu } : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `node <args>`, sampling its process tree every 100 ms until it exits. */
export async function measureNode(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Measured> {
  const started = Date.now();
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ...options.env },
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
  const closed = new Promise((done) => child.on("close", done));
  const exitCode = await new Promise<number>((done) => child.on("exit", (code) => done(code ?? 1)));
  clearInterval(timer);
  const seconds = (Date.now() - started) / 1000;
  await closed; // the end of stderr (the summary) may still be in the pipe at exit
  return { seconds, rss, cpu, exitCode, stderr };
}

/** `engine 1085 MB / 18.4 s CPU, program …`: peak RSS and CPU of each process role. */
export function formatUsage(m: Measured): string {
  return Object.keys(m.rss)
    .map((k) => `${k} ${Math.round(m.rss[k]!)} MB / ${m.cpu[k]!.toFixed(1)} s CPU`)
    .join(", ");
}

/** The 1-minute load average: figures from the 2 shared cores mean little without it. */
export function loadAverage(): string {
  return readFileSync("/proc/loadavg", "utf8").split(" ")[0]!;
}
