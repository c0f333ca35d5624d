/**
 * A program process started ahead of its run. A small stack's preview or `idlc kill` is nearly all start-up, and the
 * program's is the long pole: ~0.5 s loading the SDK, which began only once the engine had loaded its own code, the
 * stack and its state (~0.6 s). The CLI calls `prestartProgram` as a command that runs a program begins: a process
 * with the Node arguments the program will have loads the SDK beside the engine's own start-up (prestart-wait.js),
 * then waits on its stdin. When the engine runs the program, `takePrestarted` hands it the run's arguments and
 * environment, and the SDK's `cmd/run` starts as it would have in a new process: the program is the same ordinary
 * Pulumi program, its own code loads only after the hand-over, and nothing of the run's own (config, monitor address,
 * idlc's inputs) is read before it.
 *
 * Used only when it matches: same project directory, Node arguments and SDK, and the engine's own environment
 * unchanged since (what the SDK reads as it loads, such as PULUMI_ERROR_OUTPUT_STRING, comes from there). Anything
 * else, and any later run of the same command, starts a process as before. An unused one exits when its stdin
 * closes, at the latest with the engine. It never holds a passphrase. IDLC_PROGRAM_PRESTART=off turns it off.
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { Socket } from "node:net";
import { dirname, join } from "node:path";
import { findProjectFile } from "../project/project-dir";
import { PASSPHRASE_VARIABLES } from "../secrets/sealed";
import { resolveSdk } from "./plugin-process";
import { programHeapArgs, programNodeArgs } from "./program-args";
import { typescriptHookFor } from "./typescript-loader";

/** How a program process starts: directory, Node arguments, main module (`cmd/run`) and environment. */
export interface ProgramCommand {
  cwd: string;
  nodeArgs: string[];
  main: string;
  env: NodeJS.ProcessEnv;
}

interface Prestarted extends Omit<ProgramCommand, "env"> {
  child: ChildProcess;
  /** The engine's own environment when it started, as compared at hand-over. */
  engineEnv: string;
}

/** At most one waits: a command's first program run takes it. */
let waiting: Prestarted | undefined;

/** The engine's environment without passphrases (the process started ahead must not hold one: DESIGN §4.12). */
function engineEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of PASSPHRASE_VARIABLES) delete env[name];
  return env;
}

/** The handles that would keep the engine alive for a process it may never use. */
const handles = (child: ChildProcess) => [child, child.stdin as Socket | null, child.stdout as Socket | null];

/**
 * Starts the program process of the project at or above `cwd` ahead of its run, with the engine's defaults (a
 * TypeScript program, the default heap cap, the SDK's debug logs quiet), and returns it; nothing when one waits
 * already, there is no project or SDK there, or it is turned off.
 */
export function prestartProgram(cwd: string): ChildProcess | undefined {
  if (waiting || process.env.IDLC_PROGRAM_PRESTART === "off") return undefined;
  // The engine runs the program in the project's directory (run-program.ts).
  const projectFile = findProjectFile(cwd);
  if (!projectFile) return undefined;
  const programDir = dirname(projectFile);
  let main: string;
  try {
    main = resolveSdk("cmd/run", programDir);
  } catch {
    return undefined; // no SDK: the run itself reports it
  }
  const hook = typescriptHookFor(programDir);
  const nodeArgs = programNodeArgs({ hook, nodeArgs: programHeapArgs() });
  const env = engineEnv();
  const child = spawn(process.execPath, [...nodeArgs, "--require", join(__dirname, "prestart-wait.js"), main], {
    cwd: programDir,
    // The SDK log module is what quiet-sdk-debug.js reads as it loads; the run sets the same (program.ts).
    env: { ...env, IDLC_PROGRAM_PRESTART: "waiting", IDLC_SDK_LOG_MODULE: resolveSdk("log", programDir) },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const forget = () => {
    if (waiting?.child === child) waiting = undefined;
  };
  child.on("error", forget);
  child.on("exit", forget);
  // A write to a process that has just exited fails with EPIPE; its exit is what the run then reports.
  child.stdin!.on("error", () => undefined);
  for (const handle of handles(child)) handle?.unref();
  waiting = { child, cwd: programDir, nodeArgs, main, engineEnv: JSON.stringify(env) };
  return child;
}

/** Stops the process started ahead, if one waits: the command found it will run no program of its own. */
export function dropPrestarted(): void {
  const dropped = waiting;
  waiting = undefined;
  dropped?.child.kill();
}

/**
 * The process started ahead, now running `command` with `programArgs` (its stdout not yet read), or undefined when
 * none waits or it does not match; one that does not match is let go.
 */
export function takePrestarted(command: ProgramCommand, programArgs: readonly string[]): ChildProcess | undefined {
  const taken = waiting;
  waiting = undefined;
  if (!taken) return undefined;
  const { child } = taken;
  const matches =
    child.exitCode === null &&
    child.signalCode === null &&
    taken.cwd === command.cwd &&
    taken.main === command.main &&
    JSON.stringify(taken.nodeArgs) === JSON.stringify(command.nodeArgs) &&
    taken.engineEnv === JSON.stringify(engineEnv());
  if (!matches) {
    child.stdin!.end();
    return undefined;
  }
  for (const handle of handles(child)) handle?.ref();
  child.stdin!.end(`${JSON.stringify({ argv: programArgs, env: command.env })}\n`);
  return child;
}
