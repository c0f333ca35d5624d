/**
 * A throwaway copy of the idlc project for the demo and the end-to-end tests: its own stack files, state and
 * sandbox, so nothing they do touches the repository's files. Code and packages are linked, not copied.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const repoRoot = path.resolve(__dirname, "..");
const linked = ["node_modules", "provider", "policies", "sandbox", "cli", "engine", "bin"];
const copied = ["Pulumi.yaml", "tsconfig.json", "package.json", "stacks"];

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Workspace {
  dir: string;
  /** The stack's HR export. */
  peopleFile: string;
  /** Runs `idlc …` in the workspace; output is also streamed when `echo` is set. */
  idlc(args: string[], options?: { env?: NodeJS.ProcessEnv; echo?: boolean }): Promise<RunResult>;
  /** Rewrites the HR export row by row (the header is row 0). */
  editPeople(edit: (rows: string[][]) => string[][]): void;
}

export function createWorkspace(prefix = "idlc-demo-"): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const name of linked) symlinkSync(path.join(repoRoot, name), path.join(dir, name));
  for (const name of copied) cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true });
  const peopleFile = path.join(dir, "stacks", "demo", "people.csv");
  return {
    dir,
    peopleFile,
    idlc: (args, options = {}) => run(dir, args, options),
    editPeople(edit) {
      const rows = readFileSync(peopleFile, "utf8").trimEnd().split("\n").map((line) => line.split(","));
      writeFileSync(peopleFile, `${edit(rows).map((r) => r.join(",")).join("\n")}\n`);
    },
  };
}

function run(cwd: string, args: string[], options: { env?: NodeJS.ProcessEnv; echo?: boolean }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "bin", "idlc.js"), ...args], {
      cwd,
      // The demo stack's state is encrypted with a passphrase; a throwaway one is fine for a throwaway stack.
      env: { PULUMI_CONFIG_PASSPHRASE: "idlc-demo", ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d;
      if (options.echo) process.stdout.write(d);
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d;
      if (options.echo) process.stderr.write(d);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
