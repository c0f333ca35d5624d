/**
 * The real identity stack at the engine's scale: the demo stack's roles and apps with a synthetic HR export of N
 * people (`npm run bench -- identity-stack [people] [upPeople]`; default 6,500 → 16,746 resources, as the demo
 * roles give ~2.6 accounts a person). Measures
 * `idlc validate` and `idlc preview` of an empty stack (every account a create: each provider's configure and
 * check run, no API is called), then — for a smaller org (default 500; 0 skips it) — `up` against the sandbox's
 * emulators and a no-op `preview` with state. Prints wall time, peak RSS and CPU per process and the resource
 * counts; appends rows to docs/BENCHMARKS.md (not with BENCH_NO_RECORD=1). Each preview is also given as a multiple
 * of the SDK's floor for the same org, measured in the same run: the program against mocks, no engine.
 *
 * The emulators run in this process, published in the workspace's sandbox.json as `idlc sandbox start` does:
 * `configure` reads the app settings from there even when nothing is called, and counting the requests they
 * serve during the empty preview shows that it calls no API. They run with their rate limits off and the stack's
 * clients paced 1,000× faster (deployment-setup.ts): only the `up` that builds the state calls an app, and at the
 * documented rates a 2,500-person `up` alone took over 20 minutes.
 *
 * Each preview's program (and its floor) also reports the heap it keeps alive once every resource is declared
 * (`program-heap.js`, preloaded through NODE_OPTIONS): printed per resource, and against the floor's.
 */
import { appendFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { StartedEmulators } from "../../sandbox";
import { createWorkspace, repoRoot } from "../../scripts/workspace";
import { findProject, loadStackConfig, openStackSecrets } from "../../engine/project";
import { formatUsage, loadAverage, measureNode, type Measured } from "../process-sampler";
import { describeFloor, measureSdkFloor, ratios } from "../sdk-floor/measure";
import { benchDeployment } from "./deployment";
import { baseStackFile, startUnthrottledSandbox, unpaceBaseStack } from "./deployment-setup";
import { writeSyntheticStack } from "./hr-export";

const people = Number(process.argv[2] ?? 6500);
const upPeople = Number(process.argv[3] ?? 500);
const ws = createWorkspace("idlc-identity-bench-");
const stackDir = path.join(ws.dir, "stacks", "demo");
const heapFile = path.join(ws.dir, "program-heap.jsonl");
const heapEnv = {
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(__dirname, "program-heap.js")}`.trim(),
  IDLC_PROGRAM_HEAP_FILE: heapFile,
};

function idlc(args: string[]): Promise<Measured> {
  return measureNode([path.join(repoRoot, "bin", "idlc.js"), ...args], {
    cwd: ws.dir,
    env: { PULUMI_CONFIG_PASSPHRASE: "bench", ...heapEnv },
  });
}

/** The heap the last program (and its floor) reported, in KB per resource: `program 31.2 KB (1.05× floor 29.7 KB)`. */
function retainedHeap(output: string): string {
  const resources = Number(/(\d+) (?:to create|unchanged)/.exec(output.slice(output.lastIndexOf("Resources:")))?.[1]);
  const reports = existsSync(heapFile)
    ? readFileSync(heapFile, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l))
    : [];
  rmSync(heapFile, { force: true });
  const kb = (role: string) => reports.findLast((r) => r.role === role)?.heapUsed / 1024 / resources;
  const [program, floor] = [kb("program"), kb("sdk floor")];
  if (!program || !floor) return "retained heap not reported";
  return `program retains ${program.toFixed(1)} KB heap per resource (${(program / floor).toFixed(2)}× the floor's ${floor.toFixed(1)} KB)`;
}

/** `+ 16969 to create` / `17101 unchanged` from the end-of-run block, as `create 16969`. */
function resourceCounts(output: string): string {
  const block = output.slice(output.lastIndexOf("Resources:"));
  const counts = [...block.matchAll(/(\d+) (to create|created|to update|updated|to delete|deleted|unchanged)/g)].map(
    (m) => `${m[2]} ${m[1]}`,
  );
  return counts.length ? counts.join(", ") : "no summary";
}

/** HTTP requests the emulators served (LDAP's slapd keeps no log here). */
function apiRequests(sandbox: StartedEmulators): number {
  return sandbox.running.reduce((n, e) => n + (e.faults?.count() ?? 0), 0);
}

/** The SDK's floor for a preview of the stack as it is now: the same program and config, against mocks. */
async function floorPreview(org: number, rows: string[], date: string): Promise<Measured> {
  const project = findProject(ws.dir);
  const secrets = await openStackSecrets(project, "demo", { passphrase: "bench", persist: false });
  const { config } = await loadStackConfig(project, "demo", secrets);
  const entry = project.main;
  const nodeArgs = ["--max-old-space-size=1536", "--require", "tsx/cjs"];
  const program = { programDir: ws.dir, entry, project: project.name, stack: "demo", config, nodeArgs, env: heapEnv };
  const floor = await measureSdkFloor(program, "preview");
  if (floor.exitCode) process.stderr.write(floor.stderr);
  const line = describeFloor("preview", floor);
  console.log(`${line} (${org} people)`);
  const row = line.replace(":", ` (${org.toLocaleString("en-US")} people) | — |`);
  rows.push(`| identity-stack: ${row} at load ${loadAverage()} | ${date} |`);
  return floor;
}

async function main(): Promise<void> {
  const sandbox = await startUnthrottledSandbox(ws.dir);
  const writeStack = (org: number) => {
    writeSyntheticStack(stackDir, org);
    unpaceBaseStack(baseStackFile(ws.dir));
  };
  const rows: string[] = [];
  const date = new Date().toISOString().slice(0, 10);
  const record = (label: string, org: number, m: Measured, extra = "", floor?: Measured) => {
    const load = loadAverage();
    const failed = m.exitCode ? ` — FAILED (exit ${m.exitCode})` : "";
    const ratio = floor ? `${ratios(m, floor)}; ` : "";
    const usage = `peak RSS / CPU: ${formatUsage(m)}${extra}`;
    const measured = `${ratio}${m.seconds.toFixed(1)} s wall at load ${load}; ${usage}`;
    console.log(`${label} (${org} people): ${measured}${failed}`);
    if (m.exitCode) process.stderr.write(m.stderr);
    const what = `${label} (${org.toLocaleString("en-US")} people, demo roles)`;
    rows.push(`| identity-stack: ${what} | — | ${measured}${failed} | ${date} |`);
  };
  try {
    writeStack(people);
    record("validate", people, await idlc(["validate"]));
    const floor = await floorPreview(people, rows, date);
    const before = apiRequests(sandbox);
    const preview = await idlc(["preview"]);
    const requests = `${apiRequests(sandbox) - before} API requests`;
    const heap = retainedHeap(preview.stderr);
    record(
      "preview of an empty stack",
      people,
      preview,
      `; ${resourceCounts(preview.stderr)}; ${requests}; ${heap}`,
      floor,
    );
    if (upPeople > 0) {
      writeStack(upPeople);
      const up = await idlc(["up", "--yes"]);
      record("first up on the sandbox", upPeople, up, `; ${resourceCounts(up.stderr)}`);
      const upFloor = await floorPreview(upPeople, rows, date);
      const noop = await idlc(["preview"]);
      record(
        "no-op preview",
        upPeople,
        noop,
        `; ${resourceCounts(noop.stderr)}; ${retainedHeap(noop.stderr)}`,
        upFloor,
      );
    }
    if (process.env.BENCH_NO_RECORD !== "1")
      appendFileSync(path.join(repoRoot, "docs/BENCHMARKS.md"), `${rows.join("\n")}\n`);
  } finally {
    await sandbox.stopAll();
    rmSync(ws.dir, { recursive: true, force: true });
  }
}

// `identity-stack deployment …`: the company as a sharded deployment (deployment.ts), in this workspace.
if (process.argv[2] === "deployment") void benchDeployment(ws, process.argv.slice(3));
else void main();
