/**
 * How the offline engine compiles a TypeScript program. The SDK's `cmd/run` registers ts-node 7 with the
 * project's TypeScript (a type check, then a transpile, of the whole program on every run without a cache hit;
 * seconds of CPU even with one). A project that depends on tsx (esbuild, with its own on-disk cache) has chosen
 * its TypeScript runner: the engine then preloads tsx's CommonJS hook and tells the SDK the program is plain
 * JavaScript. Type errors are then `tsc`'s to report (CI runs it), not every preview's. Under the Pulumi CLI the
 * same program still goes through ts-node: nothing in the project changes.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The nearest package.json at or above `dir`. */
function packageJsonOf(dir: string): string | undefined {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const file = path.join(at, "package.json");
    if (existsSync(file)) return file;
    if (path.dirname(at) === at) return undefined;
  }
}

/** tsx's CommonJS hook as the project resolves it, when its package.json depends on tsx; else undefined. */
export function tsxHookFor(programDir: string): string | undefined {
  const file = packageJsonOf(programDir);
  if (!file) return undefined;
  try {
    const pkg = JSON.parse(readFileSync(file, "utf8")) as Record<string, Record<string, string> | undefined>;
    if (!pkg.dependencies?.tsx && !pkg.devDependencies?.tsx) return undefined;
    return require.resolve("tsx/cjs", { paths: [path.dirname(file)] });
  } catch {
    return undefined;
  }
}
