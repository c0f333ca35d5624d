import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { SandboxStartError } from "./errors";
import { clearSandboxState, isAlive, readSandboxState, sandboxDir, type SandboxState } from "./state";

export interface SandboxControlOptions {
  /** The project whose `.idlc/sandbox/` holds the state (default: the current directory). */
  projectDir?: string;
  /** How long to wait for every emulator to listen (default 60 s). */
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts every registered emulator in one detached background process and returns once all listen.
 * Idempotent: when a sandbox already runs, returns its state with `alreadyRunning`.
 * @throws SandboxStartError when the daemon exits or does not get ready in time
 */
export async function startSandbox(
  options: SandboxControlOptions = {},
): Promise<SandboxState & { alreadyRunning: boolean }> {
  const dir = sandboxDir(options.projectDir ?? process.cwd());
  const existing = readSandboxState(dir);
  if (existing) return { ...existing, alreadyRunning: true };
  mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, "daemon.log");
  const log = openSync(logFile, "w");
  const child = spawn(process.execPath, ["--require", "tsx/cjs", path.join(__dirname, "daemon.ts"), dir], {
    cwd: path.resolve(__dirname, ".."),
    detached: true,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  child.unref();
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    const state = readSandboxState(dir);
    if (state && state.pid === child.pid) return { ...state, alreadyRunning: false };
    if (child.exitCode !== null || !isAlive(child.pid!)) throw new SandboxStartError(lastLine(logFile), logFile);
    await sleep(100);
  }
  process.kill(child.pid!, "SIGTERM");
  throw new SandboxStartError(`no emulator listening after ${options.timeoutMs ?? 60_000} ms`, logFile);
}

/** The running sandbox, or undefined. */
export function sandboxStatus(options: SandboxControlOptions = {}): SandboxState | undefined {
  return readSandboxState(sandboxDir(options.projectDir ?? process.cwd()));
}

/** Stops the sandbox's process (its emulators flush their data first). False when none was running. */
export async function stopSandbox(options: SandboxControlOptions = {}): Promise<boolean> {
  const dir = sandboxDir(options.projectDir ?? process.cwd());
  const state = readSandboxState(dir);
  if (!state) return false;
  process.kill(state.pid, "SIGTERM");
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (isAlive(state.pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(state.pid)) process.kill(state.pid, "SIGKILL");
  clearSandboxState(dir);
  return true;
}

function lastLine(file: string): string {
  const text = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
  return text.split("\n").slice(-3).join(" | ") || "the daemon exited without output";
}
