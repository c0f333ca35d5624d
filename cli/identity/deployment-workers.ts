/**
 * Shards run as `idlc` worker processes, a few at a time. Each worker is its own process group, so a crash or a
 * kill takes its engine and provider hosts with it and nothing else; its stderr reaches ours prefixed with the
 * shard's name, its stdout (engine events with `--json`) goes a line at a time to the caller, who keeps what it
 * needs: a big shard's preview events run to 100s of MB.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
// By file: the engine's index would load the whole engine into a process that only starts and watches workers.
import { CHILD_NODE_FLAGS } from "../../engine/host/plugin-process";

export interface WorkerResult {
  stack: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

const bin = path.join(__dirname, "..", "..", "bin", "idlc.js");

/** Worker process groups still running: an interrupted deployment stops them all and starts nothing more. */
const running = new Set<number>();
function interrupt(signal: NodeJS.Signals) {
  for (const pid of running) process.kill(-pid, "SIGTERM");
  process.exit(signal === "SIGINT" ? 130 : 143);
}

export function runWorker(
  stack: string,
  args: readonly string[],
  cwd: string,
  onStdoutLine: (line: string) => void = () => {},
): Promise<WorkerResult> {
  const child = spawn(process.execPath, [...CHILD_NODE_FLAGS, bin, ...args], {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  process.stderr.write(`${stack}: idlc ${args.join(" ")} (pid ${child.pid})\n`);
  if (running.size === 0) process.once("SIGINT", interrupt).once("SIGTERM", interrupt);
  if (child.pid) running.add(child.pid);
  const stdout = createInterface({ input: child.stdout, crlfDelay: Infinity });
  stdout.on("line", onStdoutLine);
  const stderr = createInterface({ input: child.stderr, crlfDelay: Infinity });
  stderr.on("line", (line) => process.stderr.write(`[${stack}] ${line}\n`));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      running.delete(child.pid!);
      if (running.size === 0) process.off("SIGINT", interrupt).off("SIGTERM", interrupt);
      resolve({ stack, code, signal });
    });
  });
}

/** `stack: ok`, or how its worker ended: one line per shard after a deployment-wide run. */
export const resultLine = (r: WorkerResult): string =>
  `${r.stack}: ${r.code === 0 ? "ok" : `failed (${r.signal ?? `exit ${r.code}`})`}\n`;

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
