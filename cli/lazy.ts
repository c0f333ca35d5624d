/**
 * Loading a command's code only when it runs: `idlc` defines every command up front (so help is complete) and
 * keeps startup to commander and those definitions; the engine, connectors, audit and schemas load on use.
 */
import path from "node:path";

/**
 * A loader of one module (path from the repo root, no extension), loading it on first call. `bin/idlc.js` runs
 * under idlc's TypeScript hook (engine/host/typescript-hook.js), where `require` reads .ts and `import()` would
 * reach Node's ESM loader, which cannot; vitest's module runner is the reverse, so the hook's presence picks the
 * way in.
 */
export function lazy<M>(fromRoot: string): () => Promise<M> {
  const file = path.join(__dirname, "..", fromRoot);
  return async () => (require.extensions[".ts"] ? require(file) : await import(file)) as M;
}
