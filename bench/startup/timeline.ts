/**
 * Where a run's wall time goes: runs `node <args>`, polls its process tree from /proc every 50 ms, and reports for
 * each process role (engine, program, provider host, policy pack) when it started and ended, relative to the
 * command's start, and its CPU seconds.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

export interface ProcessSpan {
  role: string;
  /** Seconds from the command's start to the process's start (from /proc, not from when it was first seen). */
  start: number;
  /** Seconds from the command's start to when it was last seen alive. */
  end: number;
  cpu: number;
}

export interface Timeline {
  wall: number;
  exitCode: number;
  spans: ProcessSpan[];
  stderr: string;
}

const TICKS = 100;
const bootSeconds = () => Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);

function roleOf(cmd: string): string {
  if (cmd.includes("dynamic-provider")) return "provider host";
  if (cmd.includes("run-policy-pack")) return "policy pack";
  if (cmd.includes("cmd/run")) return "program";
  if (cmd.includes("bin/idlc.js")) return "engine";
  // Anything else the engine starts (git, esbuild's service, …), by its executable's name.
  return cmd.split(" ")[0]!.split("/").pop() || "child";
}

function children(pid: number): number[] {
  try {
    const listed = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    const kids = listed.split(/\s+/).filter(Boolean).map(Number);
    return kids.flatMap((c) => [c, ...children(c)]);
  } catch {
    return [];
  }
}

export async function timeline(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Timeline> {
  const t0 = bootSeconds();
  const env = { ...process.env, ...options.env };
  const child = spawn(process.execPath, args, { cwd: options.cwd, stdio: ["ignore", "ignore", "pipe"], env });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-3000)));
  const spans = new Map<number, ProcessSpan>();
  const sample = () => {
    const now = bootSeconds() - t0;
    for (const pid of [child.pid!, ...children(child.pid!)]) {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        const cpu = (Number(stat[11]) + Number(stat[12])) / TICKS;
        const start = Number(stat[19]) / TICKS - t0;
        const span = spans.get(pid) ?? { role: roleOf(cmd), start, end: now, cpu };
        // The role from the latest command line: a child first seen between fork and exec shows its parent's; an
        // exited one (a zombie) has none left.
        const role = cmd.trim() ? roleOf(cmd) : span.role;
        spans.set(pid, { ...span, role, end: now, cpu: Math.max(span.cpu, cpu) });
      } catch {
        // exited between the listing and the read
      }
    }
  };
  const timer = setInterval(sample, 50);
  const exitCode = await new Promise<number>((done) => child.on("exit", (code) => done(code ?? 1)));
  clearInterval(timer);
  const wall = bootSeconds() - t0;
  await new Promise((done) => (child.stdout ? child.on("close", done) : setImmediate(done)));
  return { wall, exitCode, stderr, spans: [...spans.values()] };
}
