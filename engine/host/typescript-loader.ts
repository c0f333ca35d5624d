/**
 * How the offline engine compiles a TypeScript program. The SDK's `cmd/run` registers ts-node 7 with the
 * project's TypeScript (a type check, then a transpile, of the whole program on every run without a cache hit;
 * seconds of CPU even with one). A project that depends on tsx has chosen esbuild's transform without a type check:
 * the engine then preloads its own TypeScript hook (typescript-hook.js: the same transform, `.ts` files only,
 * cached) into the program and the provider host, and tells the SDK the program is plain JavaScript. Type errors
 * are then `tsc`'s to report (CI runs it), not every preview's. Under the Pulumi CLI the same program still goes
 * through ts-node: nothing in the project changes.
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

/** The engine's TypeScript hook, when the program's nearest package.json depends on tsx; else undefined. */
export function typescriptHookFor(programDir: string): string | undefined {
  const file = packageJsonOf(programDir);
  if (!file) return undefined;
  try {
    const pkg = JSON.parse(readFileSync(file, "utf8")) as Record<string, Record<string, string> | undefined>;
    if (!pkg.dependencies?.tsx && !pkg.devDependencies?.tsx) return undefined;
    return path.join(__dirname, "typescript-hook.js");
  } catch {
    return undefined;
  }
}
