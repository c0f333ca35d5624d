/** Throwaway copies of the demo project in git repositories, and the CLI run inside them. */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const root = path.resolve(__dirname, "..", "..");
export const bin = path.join(root, "bin", "idlc.js");

const gitEnv = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com", GIT_CONFIG_NOSYSTEM: "1" };

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
      const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
}

/** A directory with an `npx` that runs this checkout's `idlc` (and nothing else), for running workflow scripts. */
export function npxShim(dir: string): string {
  const shim = path.join(dir, "npx");
  writeFileSync(shim, `#!/bin/sh\nif [ "$1" = idlc ]; then shift; exec "${process.execPath}" "${bin}" "$@"; fi\necho "npx shim: only idlc" >&2; exit 127\n`);
  chmodSync(shim, 0o755);
  return dir;
}

export { gitEnv };
