/**
 * Closure-serialization round trip for dynamic providers, as the engine does it. Serialization must happen in a
 * child process under tsx's CJS loader (inside vitest, vite's SSR import rewriting makes closures unserializable);
 * rehydration runs here, the way `cmd/dynamic-provider` loads `__provider` from state.
 */
import { execFile } from "node:child_process";
import path from "node:path";

export const repoRoot = path.resolve(__dirname, "..", "..");

/** The serialized text of `() => <export>` from a module, exactly as `dynamic.Resource` stores it in state. */
export async function serializeProvider(modulePath: string, exportName: string): Promise<string> {
  const absolute = path.resolve(repoRoot, modulePath);
  const script = `
    const pulumi = require("@pulumi/pulumi");
    const provider = require(${JSON.stringify(absolute)})[${JSON.stringify(exportName)}];
    if (!provider) { console.error("no export ${exportName}"); process.exit(1); }
    pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })
      .then((sf) => process.stdout.write(sf.text), (err) => { console.error(err); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--require", "tsx/cjs", "-e", script],
      { cwd: repoRoot, maxBuffer: 64 << 20 },
      (err, stdout, stderr) =>
        err
          ? reject(new Error(`serializing ${exportName} from ${modulePath} failed: ${stderr || err.message}`))
          : resolve(stdout),
    );
  });
}

/** Loads serialized provider text the way the dynamic-provider host does. */
export function rehydrateProvider<T>(text: string): T {
  const requireFromString = require("require-from-string") as (code: string, filename?: string) => { handler: () => T };
  return requireFromString(text, path.join(repoRoot, "__provider.js")).handler();
}
