import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { findProjectFile } from "../engine/project/project-dir";
import { lazy } from "./lazy";

const prestart = lazy<typeof import("../engine/host/prestart")>("engine/host/prestart");

/** idlc's own program code: what its modules read as they load is known (nothing of a run's). */
const IDLC_PROVIDER = resolve(__dirname, "../provider");

/**
 * A command that will run the stack's program on the offline engine starts the program's process now, before its
 * own code loads (engine/host/prestart.ts); a deployment's shards and the Pulumi CLI start their own.
 */
export async function prestartFor(flags: { cwd?: string; engine?: string; deployment?: string }): Promise<void> {
  if (flags.engine === "pulumi" || flags.deployment !== undefined) return;
  (await prestart()).prestartProgram(flags.cwd ?? process.cwd(), { warm: idlcImportsOf });
}

/**
 * The idlc modules the program's main file imports by a relative path (`../provider/stack` in `stacks/index.ts`),
 * which the process started ahead may load early: ~0.4 s of a small stack's preview. Only idlc's own, whose load
 * reads no config and no run-specific environment; a general program's imports may, and are left to the run.
 */
export function idlcImportsOf(programDir: string): string[] {
  try {
    const project = readFileSync(findProjectFile(programDir)!, "utf8");
    const main = /^main:\s*["']?([^"'\s#]+)/m.exec(project)?.[1];
    const mainFile = main === undefined ? undefined : join(programDir, main);
    if (!mainFile?.endsWith(".ts") || !existsSync(mainFile)) return [];
    const idlc = realpathSync(IDLC_PROVIDER);
    const specifiers = readFileSync(mainFile, "utf8").matchAll(/(?:from\s+|require\()\s*["'](\.{1,2}\/[^"']+)["']/g);
    return [...specifiers].flatMap(([, specifier]) => {
      // As the TypeScript hook resolves idlc's modules (`../provider/stack` → its index.ts), by real path as Node
      // caches them.
      const base = resolve(dirname(mainFile), specifier!);
      const file = [`${base}.ts`, join(base, "index.ts")].find((f) => existsSync(f));
      const real = file && realpathSync(file);
      return real && !relative(idlc, real).startsWith("..") ? [real] : [];
    });
  } catch {
    return []; // anything unexpected: the run loads what it loads, as without this
  }
}
