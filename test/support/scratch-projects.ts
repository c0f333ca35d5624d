import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

/**
 * Fresh project folders under one temporary folder removed after the test file: each call writes the given files
 * (paths relative to the project, folders made as needed) and names a cache folder of the project's own.
 */
export function scratchProjects(prefix: string): (files: Record<string, string>) => { dir: string; cache: string } {
  const scratch = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let cases = 0;
  return (files) => {
    const dir = path.join(scratch, `p${++cases}`);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return { dir, cache: path.join(dir, ".cache") };
  };
}
