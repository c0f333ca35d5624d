import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runOperation, type EngineEvent, type OperationResult, type RunOperationOptions } from "../../../engine";

const REPO = resolve(__dirname, "../../..");
export const PASSPHRASE = "engine-test-passphrase";

export interface TestProject {
  dir: string;
  stack: string;
  /** Where the fixture provider writes its files and create/delete logs. */
  outDir: string;
  writeConfig(config: Record<string, string | { secure: string }>, salt?: string): void;
  run(kind: RunOperationOptions["kind"], options?: Partial<RunOperationOptions>): Promise<RunResult>;
  checkpoint(): any;
  historyFiles(): string[];
  creates(): string[];
  deletes(): string[];
  cleanup(): void;
}

export interface RunResult extends OperationResult {
  events: EngineEvent[];
}

/**
 * Copies a fixture program into a fresh temp project (node_modules symlinked to the repo's, so the program, the
 * runner and the provider host share one SDK) with its own diy backend under `.pulumi/`.
 */
export function createProject(fixture: string, stack = "dev"): TestProject {
  const dir = mkdtempSync(join(tmpdir(), `idlc-engine-${fixture}-`));
  cpSync(join(REPO, "test/engine/fixtures", fixture), dir, { recursive: true });
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
  const outDir = join(dir, "out");
  mkdirSync(outDir);
  const stackFile = join(dir, `Pulumi.${stack}.yaml`);
  const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : []);
  const project: TestProject = {
    dir,
    stack,
    outDir,
    writeConfig(config, salt) {
      const body = Object.entries(config)
        .map(([k, v]) => `  ${k}: ${typeof v === "string" ? JSON.stringify(v) : `{secure: ${v.secure}}`}`)
        .join("\n");
      writeFileSync(stackFile, `${salt ? `encryptionsalt: ${salt}\n` : ""}config:\n${body}\n`);
    },
    async run(kind, options = {}) {
      const events: EngineEvent[] = [];
      const result = await runOperation({
        kind,
        cwd: dir,
        stack,
        env: { PULUMI_CONFIG_PASSPHRASE: PASSPHRASE, ...options.env },
        onEvent: (e) => events.push(e),
        ...options,
      });
      return { ...result, events };
    },
    checkpoint() {
      const file = join(dir, ".pulumi/stacks", projectName(dir), `${stack}.json`);
      return JSON.parse(readFileSync(file, "utf8"));
    },
    historyFiles() {
      const hdir = join(dir, ".pulumi/history", projectName(dir), stack);
      return existsSync(hdir)
        ? readdirSync(hdir)
            .sort()
            .map((f) => join(hdir, f))
        : [];
    },
    creates: () => lines(join(outDir, ".creates.log")),
    deletes: () => lines(join(outDir, ".deletes.log")),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  return project;
}

function projectName(dir: string): string {
  return /^name:\s*(\S+)/m.exec(readFileSync(join(dir, "Pulumi.yaml"), "utf8"))![1]!;
}

/** Resources of the current checkpoint, by resource name (last URN segment). */
export function resourcesByName(checkpoint: any): Record<string, any> {
  const out: Record<string, any> = {};
  for (const r of checkpoint.checkpoint.latest.resources ?? []) out[r.urn.split("::").pop()] = r;
  return out;
}
