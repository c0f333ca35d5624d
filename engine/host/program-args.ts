import { join } from "node:path";
import { SDK_PROCESS_PRELOADS } from "./plugin-process";
import { typescriptHookFor } from "./typescript-loader";

/** What decides the program process's Node arguments (ProgramLaunch's fields of the same names). */
export interface ProgramNodeOptions {
  programDir: string;
  typescript: boolean;
  nodeArgs?: string[];
  debug?: boolean;
}

/** The program process's Node arguments before its main module (`cmd/run`): flags, then the engine's preloads. */
export function programNodeArgs(launch: ProgramNodeOptions): string[] {
  const hook = launch.typescript ? typescriptHookFor(launch.programDir) : undefined;
  const preloads = [
    ...[
      ...SDK_PROCESS_PRELOADS,
      "safe-error-inspect.js",
      ...(launch.debug ? [] : ["quiet-sdk-debug.js"]),
      ...(process.env.PULUMI_DEBUG_PROMISE_LEAKS ? [] : ["skip-promise-stacks.js"]),
    ].map((file) => join(__dirname, file)),
    ...(hook ? [hook] : []),
  ].flatMap((file) => ["--require", file]);
  return [...(launch.nodeArgs ?? []), ...preloads];
}

/** The program's heap cap as a Node flag (RunOperationOptions.programHeapMb; default 1536 MB). */
export function programHeapArgs(mb = 1536): string[] {
  return [`--max-old-space-size=${mb}`];
}
