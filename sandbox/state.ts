import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** One running emulator as clients see it (`idlc sandbox status --json` → `apps.<name>`). */
export const SandboxApp = z.object({
  url: z.string(),
  token: z.string(),
  tokenUrl: z.string().optional(),
  extra: z.record(z.string(), z.string()).optional(),
});
export type SandboxApp = z.infer<typeof SandboxApp>;

/** `.idlc/sandbox/sandbox.json`: written by the daemon once every emulator listens, removed when it stops. */
export const SandboxState = z.object({
  pid: z.number().int(),
  startedAt: z.string(),
  apps: z.record(z.string(), SandboxApp),
  /** Emulators that could not run here, with the reason (e.g. slapd not installed). */
  unavailable: z.record(z.string(), z.string()),
});
export type SandboxState = z.infer<typeof SandboxState>;

export function sandboxDir(projectDir: string): string {
  return path.join(projectDir, ".idlc", "sandbox");
}

const stateFile = (dir: string) => path.join(dir, "sandbox.json");

export function writeSandboxState(dir: string, state: SandboxState): void {
  mkdirSync(dir, { recursive: true });
  // Tokens are sandbox-only, but still not for other users of the machine.
  writeFileSync(stateFile(dir), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

/** The state of a sandbox whose daemon is still alive; undefined (and a stale file removed) otherwise. */
export function readSandboxState(dir: string): SandboxState | undefined {
  if (!existsSync(stateFile(dir))) return undefined;
  const parsed = SandboxState.safeParse(JSON.parse(readFileSync(stateFile(dir), "utf8")));
  if (parsed.success && isAlive(parsed.data.pid)) return parsed.data;
  clearSandboxState(dir);
  return undefined;
}

export function clearSandboxState(dir: string): void {
  rmSync(stateFile(dir), { force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
