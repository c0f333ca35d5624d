import { spawn } from "node:child_process";
import { resolveSdk } from "./plugin-process";
import { takePrestarted } from "./prestart";
import { programNodeArgs } from "./program-args";
import { typescriptHookFor } from "./typescript-loader";

/** The SDK's exit code meaning "an error was already reported through Engine.Log". */
export const EXIT_ERROR_REPORTED = 32;

export interface ProgramLaunch {
  programDir: string;
  /** Root of the project (where Pulumi.yaml lives). */
  rootDir: string;
  /** `main:` from Pulumi.yaml relative to programDir, or "." */
  entry: string;
  project: string;
  stack: string;
  monitorAddress: string;
  dryRun: boolean;
  parallel: number;
  /** Plaintext config (namespaced keys) and which keys are secret; passed only through the environment. */
  config: Record<string, string>;
  secretKeys: string[];
  typescript: boolean;
  /** Extra node flags for the program process (e.g. a heap cap). */
  nodeArgs?: string[];
  /** Keep the SDK's debug-level logs (off by default: see quiet-sdk-debug.js). */
  debug?: boolean;
  /** Extra environment (on top of the parent's and the config variables). */
  env?: NodeJS.ProcessEnv;
  /** Lines the program writes to stdout (console.log) go here. */
  onStdout?: (line: string) => void;
}

/** `<ns>:<key>` → `<ns>:config:<key>`, as the Go language host writes PULUMI_CONFIG. */
function configEnvKey(key: string): string {
  const i = key.indexOf(":");
  return i < 0 || key.slice(i + 1).startsWith("config:") ? key : `${key.slice(0, i)}:config:${key.slice(i + 1)}`;
}

export function programEnv(
  launch: Pick<ProgramLaunch, "config" | "secretKeys" | "typescript" | "project" | "stack">,
): NodeJS.ProcessEnv {
  const config: Record<string, string> = {};
  for (const [k, v] of Object.entries(launch.config)) config[configEnvKey(k)] = v;
  return {
    ...process.env,
    PULUMI_CONFIG: JSON.stringify(config),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(launch.secretKeys),
    PULUMI_NODEJS_TYPESCRIPT: String(launch.typescript),
    PULUMI_NODEJS_PROJECT: launch.project,
    PULUMI_PROJECT: launch.project,
    PULUMI_NODEJS_STACK: launch.stack,
    PULUMI_NODEJS_ORGANIZATION: "organization",
  };
}

export interface RunningProgram {
  /** Resolves the exit code (128 + n when killed by a signal). */
  exited: Promise<number>;
  /** Stops the program (the Go engine cancels its program once a step has failed). */
  kill(): void;
}

/**
 * Runs the program through the SDK's `cmd/run` with the Go host's argument order; TypeScript through the engine's
 * hook when the project depends on tsx (typescript-loader.ts), else through the SDK's ts-node. A program process
 * started ahead with the same Node arguments (prestart.ts) is used when there is one.
 */
export function runProgram(launch: ProgramLaunch): RunningProgram {
  const hook = launch.typescript ? typescriptHookFor(launch.programDir) : undefined;
  const command = {
    cwd: launch.programDir,
    nodeArgs: programNodeArgs({ hook, nodeArgs: launch.nodeArgs, debug: launch.debug }),
    main: resolveSdk("cmd/run", launch.programDir),
    env: {
      ...programEnv({ ...launch, typescript: launch.typescript && !hook }),
      ...launch.env,
      IDLC_SDK_LOG_MODULE: resolveSdk("log", launch.programDir),
    },
  };
  const programArgs = [
    "--monitor",
    launch.monitorAddress,
    "--engine",
    launch.monitorAddress,
    "--organization",
    "organization",
    "--project",
    launch.project,
    "--root-directory",
    launch.rootDir,
    "--stack",
    launch.stack,
    "--pwd",
    launch.programDir,
    ...(launch.dryRun ? ["--dry-run"] : []),
    "--parallel",
    String(launch.parallel),
    launch.entry,
  ];
  const child =
    takePrestarted(command, programArgs) ??
    spawn(process.execPath, [...command.nodeArgs, command.main, ...programArgs], {
      cwd: command.cwd,
      env: command.env,
      stdio: ["ignore", "pipe", "inherit"],
    });
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) launch.onStdout?.(line);
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (buffered) launch.onStdout?.(buffered);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
  return {
    exited,
    kill: () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill("SIGKILL"), 2000).unref();
    },
  };
}
