/**
 * `idlc` startup: wall time, CPU time and modules loaded for help and a few fast commands, as the CLI starts now
 * (each command loads its code when it runs) and with every command's imports preloaded (the startup before).
 * Usage: `npm run bench -- cli-startup [runs]` (default 7 runs each; medians printed).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";

const runs = Number(process.argv[2] ?? 7);
const root = path.join(__dirname, "..", "..");
const scratch = mkdtempSync(path.join(tmpdir(), "idlc-bench-startup-"));
const scenarios = [
  ["--help"],
  ["validate", "--help"],
  ["validate", "--stack", "demo", "--as-of", "2026-11-25"],
  ["config", "--stack", "demo"],
  ["sandbox", "status"],
];
const modes = {
  lazy: [] as string[],
  eager: ["--require", "tsx/cjs", "--require", path.join(__dirname, "eager-imports.ts")],
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function measure(preload: string[], args: string[]) {
  const report = path.join(scratch, `${Math.random().toString(36).slice(2)}.jsonl`);
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(
      process.execPath,
      ["--require", path.join(__dirname, "exit-report.cjs"), ...preload, "bin/idlc.js", ...args],
      { cwd: root, encoding: "utf8", env: { ...process.env, IDLC_BENCH_REPORT: report, NO_COLOR: "1" } },
    );
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`idlc ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  const lines = readFileSync(report, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { cpuMs: number; modules: number });
  return { wall: median(wall), cpu: median(lines.map((l) => l.cpuMs)), modules: median(lines.map((l) => l.modules)) };
}

try {
  console.log(
    `${runs} runs each, medians; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  for (const args of scenarios) {
    const figures = Object.entries(modes).map(([mode, preload]) => {
      const m = measure(preload, args);
      return `${mode} ${m.wall.toFixed(0)} ms wall, ${m.cpu.toFixed(0)} ms CPU, ${m.modules} modules`;
    });
    console.log(`idlc ${args.join(" ")}: ${figures.join(" | ")}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
