import { join } from "node:path";
import { CHILD_NODE_FLAGS, SDK_PROCESS_PRELOADS } from "./plugin-process";

/** What decides the program process's Node arguments. */
export interface ProgramNodeOptions {
  /** The engine's TypeScript hook, when the program loads through it (typescript-loader.ts `typescriptHookFor`). */
  hook?: string;
  /** Node flags (ProgramLaunch.nodeArgs). */
  nodeArgs?: string[];
  /** Keep the SDK's debug-level logs (ProgramLaunch.debug). */
  debug?: boolean;
}

/** The program process's Node arguments before its main module (`cmd/run`): flags, then the engine's preloads. */
export function programNodeArgs({ hook, nodeArgs, debug }: ProgramNodeOptions): string[] {
  const preloads = [
    ...[
      ...SDK_PROCESS_PRELOADS,
      "safe-error-inspect.js",
      ...(debug ? [] : ["quiet-sdk-debug.js"]),
      "skip-unread-stacks.js",
    ].map((file) => join(__dirname, file)),
    ...(hook ? [hook] : []),
  ].flatMap((file) => ["--require", file]);
  return [...CHILD_NODE_FLAGS, ...(nodeArgs ?? []), ...preloads];
}

/** The program's heap cap as a Node flag (RunOperationOptions.programHeapMb; default 1536 MB). */
export function programHeapArgs(mb = 1536): string[] {
  return [`--max-old-space-size=${mb}`];
}
