/**
 * Fixed cost per run (#22 item 5): where a small stack's no-op preview and `idlc kill` spend their time.
 * Isolated phases (CLI start, SDK load, program compile by ts-node and by tsx, provider host start) and the two
 * commands end to end on the sandbox, with each process's start, end and CPU. Every wall figure is also given as
 * a multiple of `node -e 0` measured in the same run: absolute times on shared machines move 2–3×.
 * Usage: `npm run bench -- startup [runs] [--workspace DIR] [--idlc BIN] [--commands-only]` (default 3 runs, medians;
 * `--commands-only` skips the isolated phases; a workspace
 * prepared by an earlier run — sandbox started, demo stack applied — is reused, else one is made in the temp
 * folder; `--idlc` runs another checkout's `bin/idlc.js`, for a before/after in the same conditions).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createWorkspace, createWorkspaceAt, repoRoot } from "../../scripts/workspace";
import { timeline, type Timeline } from "./timeline";

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const dir = option("--workspace");
// Another checkout's CLI (e.g. main's, for a before/after figure in the same run conditions).
const idlc = path.resolve(option("--idlc") ?? path.join(repoRoot, "bin", "idlc.js"));
const commandsOnly = args.includes("--commands-only") && !!args.splice(args.indexOf("--commands-only"), 1);
const runs = Number(args[0] ?? 3);
const ENV = { PULUMI_CONFIG_PASSPHRASE: "idlc-demo", NO_COLOR: "1", CI: "1" };

async function medianOf(label: string, argv: string[], cwd: string): Promise<Timeline> {
  const all: Timeline[] = [];
  for (let i = 0; i < runs; i++) {
    const t = await timeline(argv, { cwd, env: ENV });
    if (t.exitCode !== 0) throw new Error(`${label}: exited ${t.exitCode}\n${t.stderr}`);
    all.push(t);
  }
  return all.sort((a, b) => a.wall - b.wall)[Math.floor(all.length / 2)]!;
}

function prepare(): string {
  if (dir && existsSync(path.join(dir, ".pulumi"))) return dir;
  const ws = dir ? createWorkspaceAt(dir) : createWorkspace("idlc-bench-startup-");
  const run = (a: string[]) => {
    const env = { ...process.env, ...ENV };
    const r = spawnSync(process.execPath, [idlc, ...a], { cwd: ws.dir, env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`idlc ${a.join(" ")} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  };
  console.error(`preparing ${ws.dir}: sandbox start, up of the demo stack (once)`);
  run(["sandbox", "start"]);
  run(["up", "--stack", "demo", "--yes"]);
  return ws.dir;
}

(async () => {
  const ws = prepare();
  const floor = (await medianOf("node -e 0", ["-e", "0"], ws)).wall;
  const x = (s: number) => `${s.toFixed(2)} s (${(s / floor).toFixed(1)}× floor)`;
  const load = readFileSync("/proc/loadavg", "utf8").split(" ")[0];
  console.log(`floor: node -e 0 ${floor.toFixed(3)} s; load average ${load}`);
  const probe = path.join(__dirname, "probes.js");
  const phases: Array<[string, string[]]> = [
    ["CLI start (idlc --help)", [idlc, "--help"]],
    ["SDK load (require @pulumi/pulumi)", [probe, "sdk"]],
    ["program load, SDK's ts-node (type check, its disk cache warm)", [probe, "ts-node"]],
    ["program load, ts-node transpile-only", [probe, "ts-node-transpile"]],
    ["program load, tsx (its disk cache warm)", [probe, "tsx"]],
    ["provider host start (to its port)", [probe, "provider-host"]],
  ];
  for (const [label, argv] of commandsOnly ? [] : phases) {
    const t = await medianOf(label, argv, ws);
    console.log(`${label}: ${x(t.wall)} wall, ${t.spans.reduce((n, s) => n + s.cpu, 0).toFixed(2)} s CPU`);
  }
  const commands: Array<[string, string[]]> = [
    ["no-op preview", [idlc, "preview", "--stack", "demo"]],
    [
      "idlc kill (an already cut-off person: the cutoff re-applied)",
      [idlc, "kill", "E013", "--stack", "demo", "--reason", "bench"],
    ],
  ];
  for (const [label, argv] of commands) {
    const t = await medianOf(label, argv, ws);
    console.log(`${label}: ${x(t.wall)} wall`);
    for (const s of t.spans.sort((a, b) => a.start - b.start)) {
      const span = `${s.start.toFixed(2)}–${s.end.toFixed(2)} s`;
      const multiples = `${(s.start / floor).toFixed(1)}–${(s.end / floor).toFixed(1)}× floor`;
      console.log(`  ${s.role.padEnd(14)} ${span}  (${multiples})  ${s.cpu.toFixed(2)} s CPU`);
    }
  }
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
