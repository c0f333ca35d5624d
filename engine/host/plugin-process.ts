import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { PluginStartError } from "../errors";

export interface PluginProcess {
  child: ChildProcess;
  /** `127.0.0.1:<port>` read from the first stdout line. */
  address: string;
  /** Lines the plugin printed after its port (plugin log output). */
  onLine(listener: (line: string) => void): void;
  kill(): void;
}

export interface SpawnPluginOptions {
  what: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  execArgv?: string[];
}

/** Spawns a Node plugin that prints its port on stdout; rejects (never hangs) when it exits before that. */
export function spawnPlugin(options: SpawnPluginOptions): Promise<PluginProcess> {
  const child = spawn(process.execPath, [...CHILD_NODE_FLAGS, ...(options.execArgv ?? []), ...options.args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const listeners: Array<(line: string) => void> = [];
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
    process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    let port: string | undefined;
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      if (port === undefined) {
        port = line.trim();
        if (!/^\d+$/.test(port)) return reject(new PluginStartError(options.what, `unexpected first line '${line}'`));
        resolve({
          child,
          address: `127.0.0.1:${port}`,
          onLine: (l) => listeners.push(l),
          kill: () => {
            if (child.exitCode === null) child.kill("SIGTERM");
          },
        });
        return;
      }
      for (const l of listeners) l(line);
    });
    child.on("error", (err) => reject(new PluginStartError(options.what, err.message)));
    child.on("exit", (code) => {
      if (port === undefined) reject(new PluginStartError(options.what, `exited with code ${code}: ${stderr.trim()}`));
    });
  });
}

/**
 * Preloads (files beside this one) of every process that loads the program's SDK, the program and the provider
 * host: the compile cache, and modules nothing here uses (the SDK's closure-serializer dependencies, zod's locales)
 * loaded on first use. Each is off when the engine's environment says so (IDLC_COMPILE_CACHE=off,
 * IDLC_LAZY_MODULES=off).
 */
export const SDK_PROCESS_PRELOADS = ["compile-cache.js", "lazy-modules.js"];

/**
 * Node flags of every Node process idlc starts: the program, the provider host, a policy pack, a deployment's shard
 * workers. `--v8-pool-size=0` sizes V8's background threads (concurrent compilation and garbage collection) to the
 * machine's parallelism, one on 2 cores, instead of Node's fixed 4: a preview runs the engine, the program and the
 * provider host at once, and on a 2-core runner their 12 background threads contended with the 3 main threads.
 */
export const CHILD_NODE_FLAGS = ["--v8-pool-size=0"];

/** Resolves a file of the `@pulumi/pulumi` copy the program (or pack) directory uses. */
export function resolveSdk(subpath: string, fromDir: string): string {
  return require.resolve(`@pulumi/pulumi/${subpath}`, { paths: [fromDir] });
}
