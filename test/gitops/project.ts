/** Throwaway copies of the demo project in git repositories, and the CLI run inside them. */
import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { emulators, sandboxDir, startEmulators } from "../../sandbox";
import { writeSandboxState } from "../../sandbox/state";

export const root = path.resolve(__dirname, "..", "..");
export const bin = path.join(root, "bin", "idlc.js");

const gitEnv = {
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.com",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
};

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface TempProject {
  dir: string;
  git(...args: string[]): string;
  idlc(...args: string[]): Run;
}

export function scratchDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The demo stack (Pulumi.yaml, stacks/Pulumi.demo.yaml plus `extraConfig` lines, stacks/demo/) as a git repo. */
export function demoProject(dir: string, extraConfig: string[] = []): TempProject {
  mkdirSync(path.join(dir, "stacks"), { recursive: true });
  cpSync(path.join(root, "stacks", "demo"), path.join(dir, "stacks", "demo"), { recursive: true });
  copyFileSync(path.join(root, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
  const stackFile = readFileSync(path.join(root, "stacks", "Pulumi.demo.yaml"), "utf8").trimEnd();
  writeFileSync(path.join(dir, "stacks", "Pulumi.demo.yaml"), [stackFile, ...extraConfig, ""].join("\n"));
  const project = projectAt(dir);
  project.git("init", "-q", "-b", "main");
  return project;
}

export function projectAt(dir: string): TempProject {
  return {
    dir,
    git: (...args) => execFileSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, ...gitEnv } }),
    idlc: (...args) => {
      const r = spawnSync(process.execPath, [bin, ...args], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
}

/**
 * Makes a demo project runnable by the engine, as an installed checkout is: the program (stacks/index.ts, left
 * untracked) with this checkout's code, policy pack and packages linked beside it.
 */
export function addProgram(dir: string): void {
  for (const name of ["node_modules", "errors", "provider", "policies", "sandbox", "engine"])
    symlinkSync(path.join(root, name), path.join(dir, name));
  for (const name of ["stacks/index.ts", "tsconfig.json", "package.json"])
    copyFileSync(path.join(root, name), path.join(dir, name));
}

/** The sandbox's emulators in this process, published in `dir`'s `.idlc/sandbox/sandbox.json` (as `idlc sandbox start` does). */
export async function startSandboxIn(dir: string): Promise<() => Promise<void>> {
  const started = await startEmulators(emulators);
  const apps = Object.fromEntries(
    started.running.map((e) => [e.name, { url: e.url, token: e.token, tokenUrl: e.tokenUrl, extra: e.extra }]),
  );
  writeSandboxState(sandboxDir(dir), {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    apps,
    unavailable: started.unavailable,
  });
  return () => started.stopAll();
}

/** A directory with an `npx` that runs this checkout's `idlc` (and nothing else), for running workflow scripts. */
export function npxShim(dir: string): string {
  const shim = path.join(dir, "npx");
  writeFileSync(
    shim,
    `#!/bin/sh\nif [ "$1" = idlc ]; then shift; exec "${process.execPath}" "${bin}" "$@"; fi\necho "npx shim: only idlc" >&2; exit 127\n`,
  );
  chmodSync(shim, 0o755);
  return dir;
}

export { gitEnv };
