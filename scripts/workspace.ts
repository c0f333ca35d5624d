/**
 * A copy of the idlc project for the demo and the end-to-end tests: its own stack files, state and sandbox, so
 * nothing they do touches the repository's files. Code and packages are linked, not copied. Tests make throwaway
 * ones in the temp folder; the demo makes `.idlc/demo/` in the checkout and leaves it for a person to look around.
 * The demo's HR, approval and role files were written as of DEMO_EPOCH; the copy moves every date in them by the
 * days since, so the demo tells the same story on any day (a hire next week, approvals months old, a leaver
 * inside retention) instead of ageing out of it.
 */
import { spawn } from "node:child_process";
import { parse } from "csv-parse/sync";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { csvCell } from "../provider/csv-cell";
import { DEMO_EPOCH, demoDay } from "../stacks/demo-dates";
import { dropApp } from "./drop-app";

export const repoRoot = path.resolve(__dirname, "..");
const linked = ["node_modules", "errors", "provider", "policies", "sandbox", "cli", "engine", "bin"];
const copied = ["Pulumi.yaml", "tsconfig.json", "package.json", "stacks"];

/** A CSV file's rows, the header first (quoted cells such as `"Smith, Jr."` stay one cell). */
export function csvRows(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
}

/** Rows back to CSV, quoting only the cells that need it (RFC 4180). */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\n")}\n`;
}

export { DEMO_EPOCH, demoDay };

const today = () => new Date().toISOString().slice(0, 10);

/** Moves every ISO date in the copied demo stack files to where `demoDay` puts it. */
function moveDemoDates(stackDir: string, on: string): void {
  for (const name of readdirSync(stackDir)) {
    const file = path.join(stackDir, name);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => demoDay(date, on)),
    );
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Also stream the output to this process's. */
  echo?: boolean;
  /** Hand idlc this process's stderr (a terminal shows its live view there); then it is not in the result. */
  live?: boolean;
}

export interface Workspace {
  dir: string;
  /** The stack's HR export. */
  peopleFile: string;
  /** Runs `idlc …` in the workspace. */
  idlc(args: string[], options?: RunOptions): Promise<RunResult>;
  /** Rewrites the HR export row by row (the header is row 0). */
  editPeople(edit: (rows: string[][]) => string[][]): void;
  /** Leaves an app out of the demo stack (scripts/drop-app.ts). */
  dropApp(app: string): void;
}

/** A throwaway workspace in the temp folder. @param on the day the demo's dates are moved to (default today). */
export function createWorkspace(prefix = "idlc-demo-", on = today()): Workspace {
  return fillWorkspace(mkdtempSync(path.join(tmpdir(), prefix)), on);
}

/** A workspace in `dir`, replacing whatever an earlier run left there. */
export function createWorkspaceAt(dir: string, on = today()): Workspace {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return fillWorkspace(dir, on);
}

function fillWorkspace(dir: string, on: string): Workspace {
  for (const name of linked) symlinkSync(path.join(repoRoot, name), path.join(dir, name));
  for (const name of copied) cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true });
  moveDemoDates(path.join(dir, "stacks", "demo"), on);
  const peopleFile = path.join(dir, "stacks", "demo", "people.csv");
  return {
    dir,
    peopleFile,
    idlc: (args, options = {}) => run(dir, args, options),
    editPeople(edit) {
      writeFileSync(peopleFile, csvText(edit(csvRows(readFileSync(peopleFile, "utf8")))));
    },
    dropApp: (app) => dropApp(path.join(dir, "stacks"), "demo", app),
  };
}

function run(cwd: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "bin", "idlc.js"), ...args], {
      cwd,
      // The demo stack's state is encrypted with a passphrase; a throwaway one is fine for a throwaway stack.
      env: { PULUMI_CONFIG_PASSPHRASE: "idlc-demo", ...process.env, ...options.env },
      stdio: ["ignore", "pipe", options.live ? "inherit" : "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d: Buffer) => {
      stdout += d;
      if (options.echo) process.stdout.write(d);
    });
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d;
      if (options.echo) process.stderr.write(d);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
