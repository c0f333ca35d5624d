/**
 * Shards run as `idlc` worker processes, a few at a time. Each worker is its own process group, so a crash or a
 * kill takes its engine and provider hosts with it and nothing else; its stderr reaches ours prefixed with the
 * shard's name, its stdout (engine events with `--json`) is kept for the deployment to merge.
 */
import { spawn } from "node:child_process";
import path from "node:path";

export interface WorkerResult {
  stack: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
}

const bin = path.join(__dirname, "..", "..", "bin", "idlc.js");

/** Worker process groups still running: an interrupted deployment stops them all and starts nothing more. */
const running = new Set<number>();
function interrupt(signal: NodeJS.Signals) {
  for (const pid of running) process.kill(-pid, "SIGTERM");
  process.exit(signal === "SIGINT" ? 130 : 143);
}

export function runWorker(stack: string, args: readonly string[], cwd: string): Promise<WorkerResult> {
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
  process.stderr.write(`${stack}: idlc ${args.join(" ")} (pid ${child.pid})\n`);
  if (running.size === 0) process.once("SIGINT", interrupt).once("SIGTERM", interrupt);
  if (child.pid) running.add(child.pid);
  let stdout = "";
  let pending = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => {
    const lines = (pending + d).split("\n");
    pending = lines.pop()!;
    for (const line of lines) process.stderr.write(`[${stack}] ${line}\n`);
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      running.delete(child.pid!);
      if (running.size === 0) process.off("SIGINT", interrupt).off("SIGTERM", interrupt);
      if (pending) process.stderr.write(`[${stack}] ${pending}\n`);
      resolve({ stack, code, signal, stdout });
    });
  });
}

/** Runs `task` over `items`, at most `workers` at once, results in the items' order. */
export async function pool<T, R>(items: readonly T[], workers: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, items.length)) }, lane));
  return results;
}
