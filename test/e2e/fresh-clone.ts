/**
 * A newcomer's machine, as far as a test can make one: a copy of the checkout's files as a clone has them (no
 * `.idlc/`, nothing ignored), its installed packages linked in, and a PATH holding only node, npm, npx and sh, so
 * slapd, ldap-utils and chromium are nowhere to be found unless the test hands them back (`IDLC_SLAPD`).
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot, type RunResult } from "../../scripts/workspace";

export interface FreshClone {
  dir: string;
  /** Runs a shell command line in the clone, as a person types it, with the bare PATH. */
  sh(line: string, env?: NodeJS.ProcessEnv): Promise<RunResult>;
  remove(): void;
}

export function freshClone(): FreshClone {
  const root = mkdtempSync(path.join(tmpdir(), "idlc-newcomer-"));
  const dir = path.join(root, "idlc");
  // Tracked files and new ones not yet committed: the clone a branch would give, without anything git ignores.
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: repoRoot,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    try {
      copyFileSync(path.join(repoRoot, file), path.join(dir, file));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err; // deleted in the work tree, not yet committed
    }
  }
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
  const bin = path.join(root, "bin");
  mkdirSync(bin);
  const npmBin = path.dirname(execFileSync("sh", ["-c", "command -v npm"], { encoding: "utf8" }).trim());
  symlinkSync(process.execPath, path.join(bin, "node"));
  for (const tool of ["npm", "npx"]) symlinkSync(path.join(npmBin, tool), path.join(bin, tool));
  symlinkSync("/bin/sh", path.join(bin, "sh"));
  const env = { HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, PATH: bin, CI: "1", NO_COLOR: "1" };
  return {
    dir,
    sh: (line, extra = {}) => run("/bin/sh", ["-c", line], dir, { ...env, ...extra }),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
