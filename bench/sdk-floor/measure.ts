/**
 * The SDK's floor for a benchmark: the same program, declaring the same resources, run by the Node SDK alone with
 * `pulumi.runtime.setMocks` (no engine, no provider host) in the same run as the operations it is compared with.
 * Absolute times on the shared 2 cores move 2–3× between runs; a multiple of a floor measured in the same run moves
 * far less.
 */
import { join, resolve } from "node:path";
import { measureNode, type Measured } from "../process-sampler";

const REPO = resolve(__dirname, "../..");
// The program process gets the same preloads the engine gives it (engine/host/program.ts), so the floor is not
// slowed by work the engine already spares the program (a formatted stack per SDK promise and per resource).
const PRELOADS = ["safe-error-inspect.js", "skip-unread-stacks.js"].flatMap((f) => [
  "--require",
  join(REPO, "engine/host", f),
]);

export interface FloorProgram {
  programDir: string;
  /** `main:` from Pulumi.yaml, relative to programDir. */
  entry: string;
  project: string;
  stack: string;
  /** Plain config values keyed `<namespace>:<key>`, as in Pulumi.<stack>.yaml. */
  config: Record<string, string>;
  /** Extra node flags: the engine's heap cap, a TypeScript loader (`--require tsx/cjs`). */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

/** `<ns>:<key>` → `<ns>:config:<key>`, the form the SDK reads from PULUMI_CONFIG. */
const envKey = (key: string) => key.replace(/^([^:]+):(?!config:)/, "$1:config:");

/** Runs the program against mocks, as a preview or an up, measured like the operations. */
export function measureSdkFloor(program: FloorProgram, mode: "preview" | "up"): Promise<Measured> {
  const config = Object.fromEntries(Object.entries(program.config).map(([k, v]) => [envKey(k), v]));
  const runner = join(__dirname, "run-with-mocks.js");
  return measureNode([...(program.nodeArgs ?? []), ...PRELOADS, runner, program.programDir, program.entry, mode], {
    cwd: program.programDir,
    env: {
      ...program.env,
      PULUMI_CONFIG: JSON.stringify(config),
      PULUMI_PROJECT: program.project,
      PULUMI_NODEJS_PROJECT: program.project,
      PULUMI_NODEJS_STACK: program.stack,
    },
  });
}

const cpuOf = (m: Measured) => Object.values(m.cpu).reduce((a, b) => a + b, 0);

/**
 * `2.03× floor wall, 1.71× floor CPU; engine CPU 0.98× program's`: an operation as multiples of the floor (wall
 * time, and CPU of all its processes against the floor's one), and the engine's own CPU against the program's.
 */
export function ratios(m: Measured, floor: Measured): string {
  const { engine, program } = m.cpu;
  const share = engine !== undefined && program ? `; engine CPU ${(engine / program).toFixed(2)}× program's` : "";
  const wall = (m.seconds / floor.seconds).toFixed(2);
  return `${wall}× floor wall, ${(cpuOf(m) / cpuOf(floor)).toFixed(2)}× floor CPU${share}`;
}

/** `floor (SDK + mocks, preview): 43.0 s wall / 57.8 s CPU, 1520 MB`. */
export function describeFloor(mode: string, floor: Measured): string {
  const rss = Math.round(Math.max(...Object.values(floor.rss)));
  return `SDK floor (mocks, ${mode}): ${floor.seconds.toFixed(1)} s wall / ${cpuOf(floor).toFixed(1)} s CPU, ${rss} MB`;
}
