/**
 * The deployment benchmark's lines, each figure first as a multiple of the SDK floor measured in the same run, then
 * absolute: a shard's no-op preview alone, the projected CI matrix, and the whole `preview --deployment` per shard.
 */
import type { Measured } from "../process-sampler";
import { cpuOf, peakMb, roleCpu, type ProcessUsage, type ShardUsage, type TreeMeasured } from "./deployment-sampler";

export interface ShardFigures {
  stack: string;
  /** The shard's program against mocks (bench/sdk-floor), the same resources declared. */
  floor: Measured;
  /** Its no-op preview run alone, as one CI matrix job runs it. */
  alone: ShardUsage;
  aloneSeconds: number;
  resources: number;
}

const GOAL_MB = 1536;
const floorCpu = (f: Measured) => Object.values(f.cpu).reduce((a, b) => a + b, 0);
const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
/** `largest process 536 MB (within 1.5 GB)` over some processes. */
const largest = (ps: readonly ProcessUsage[]) => {
  const peak = peakMb(ps);
  return `largest process ${Math.round(peak)} MB (${peak <= GOAL_MB ? "within" : "OVER"} 1.5 GB)`;
};
/** Every process of a run: the coordinator's and every shard's. */
const processesOf = (run: TreeMeasured) => [...run.coordinator, ...run.shards.flatMap((s) => s.processes)];

/** `engine 612 MB / 9.1 s, program …`, one entry per process (a role may run more than once). */
function perProcess(ps: readonly ProcessUsage[]): string {
  return ps.map((p) => `${p.role} ${Math.round(p.mb)} MB / ${p.cpu.toFixed(1)} s CPU`).join(", ");
}

/** The shard's usage against its floor: wall, all CPU, program CPU per resource, peak RSS per process. */
function againstFloor(seconds: number, ps: readonly ProcessUsage[], f: ShardFigures): string {
  const program = roleCpu(ps, "program");
  const perResource = f.resources ? `, ${((program * 1000) / f.resources).toFixed(2)} ms a resource` : "";
  return (
    `${x(seconds, f.floor.seconds)} floor wall, ${x(cpuOf(ps), floorCpu(f.floor))} floor CPU, program CPU ` +
    `${x(program, floorCpu(f.floor))} floor's${perResource}; ${seconds.toFixed(1)} s wall; ${perProcess(ps)}; ` +
    largest(ps)
  );
}

const describeFloor = (f: Measured) =>
  `floor ${f.seconds.toFixed(1)} s wall / ${floorCpu(f).toFixed(1)} s CPU, ${Math.round(Math.max(...Object.values(f.rss)))} MB`;

export function describeShard(f: ShardFigures, load: string): string {
  return `shard ${f.stack} (${f.resources} resources), no-op preview alone: ${againstFloor(f.aloneSeconds, f.alone.processes, f)}; ${describeFloor(f.floor)}; load ${load}`;
}

/**
 * A CI matrix of `runners` jobs, one shard a job: the previews in waves of `runners`, each as long as the slowest
 * shard measured alone here, then the one judge job. Projected: each runner would have its cores to itself.
 */
export function matrixProjection(figures: readonly ShardFigures[], judgeSeconds: number, runners: number): string {
  const slowest = figures.reduce((a, b) => (b.aloneSeconds > a.aloneSeconds ? b : a));
  const waves = Math.ceil(figures.length / runners);
  const total = waves * slowest.aloneSeconds + judgeSeconds;
  return (
    `projected ${runners}-runner matrix (${figures.length} shards, ${waves} wave(s)): ${waves} × slowest shard alone ` +
    `${slowest.aloneSeconds.toFixed(1)} s (${slowest.stack}) + judge ${judgeSeconds.toFixed(1)} s = ${total.toFixed(1)} s`
  );
}

/**
 * `preview --deployment` on this machine: each shard inside it against its own floor, then the whole: wall against
 * the floors' wall shared over the workers (the floors ran one at a time), CPU against the floors' sum.
 */
export function describeDeployment(
  whole: TreeMeasured,
  figures: readonly ShardFigures[],
  workers: number,
  load: string,
): string[] {
  const lines = figures.map((f) => {
    const inRun = whole.shards.find((s) => s.stack === f.stack);
    return inRun
      ? `  in the deployment: ${f.stack}: ${againstFloor(inRun.seconds, inRun.processes, f)}`
      : `  in the deployment: ${f.stack}: not seen`;
  });
  const processes = processesOf(whole);
  const floorWall = figures.reduce((n, f) => n + f.floor.seconds, 0) / workers;
  const floorCpuSum = figures.reduce((n, f) => n + floorCpu(f.floor), 0);
  return [
    `whole no-op preview --deployment (${figures.length} shards, ${workers} workers): ${x(whole.seconds, floorWall)} the floors' wall over ${workers} workers, ` +
      `${x(cpuOf(processes), floorCpuSum)} their CPU; ${whole.seconds.toFixed(1)} s wall, ${cpuOf(processes).toFixed(1)} s CPU in all; ` +
      `coordinator ${perProcess(whole.coordinator)}; ${largest(processes)}; load ${load}`,
    ...lines,
  ];
}

/**
 * A whole-deployment preview without per-shard floors (before any state exists, `what` = "with no state"; or a
 * no-op one measured alone): wall, CPU, the slowest shard inside it, the coordinator (which reads and judges every
 * shard's events) and the largest process. No floor: it would be every shard's.
 */
export function describeWholePreview(whole: TreeMeasured, what: string, load: string): string {
  const processes = processesOf(whole);
  const slowest = whole.shards.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  return (
    `whole preview --deployment ${what} (${whole.shards.length} shards): ` +
    `${whole.seconds.toFixed(1)} s wall, ${cpuOf(processes).toFixed(1)} s CPU in all; slowest shard ${slowest.stack} ` +
    `${slowest.seconds.toFixed(1)} s (${perProcess(slowest.processes)}); coordinator ${perProcess(whole.coordinator)}; ` +
    `${largest(processes)}; load ${load}`
  );
}
