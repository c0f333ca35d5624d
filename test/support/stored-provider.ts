/**
 * The `__provider` text of idlc's resources, and loading it the way `cmd/dynamic-provider` loads it from state.
 */
import path from "node:path";

export const repoRoot = path.resolve(__dirname, "..", "..");

/** The text a resource class registers as `__provider`: the module's export `exportName` (`projectProvider(...)`). */
export async function storedProvider(modulePath: string, exportName: string): Promise<string> {
  const text = ((await import(path.resolve(repoRoot, modulePath))) as Record<string, unknown>)[exportName];
  if (typeof text !== "string") throw new Error(`${modulePath} exports no provider text ${exportName}`);
  return text;
}

/** Loads provider text the way the dynamic-provider host does. */
export function rehydrateProvider<T>(text: string): T {
  const requireFromString = require("require-from-string") as (code: string, filename?: string) => { handler: () => T };
  return requireFromString(text, path.join(repoRoot, "__provider.js")).handler();
}
