import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The names the Pulumi CLI accepts for a project file. */
const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"];

/**
 * The nearest Pulumi.yaml (or .yml) at or above `cwd`, unread; undefined when there is none. Kept apart from the
 * reader (project-file.ts, which loads yaml and zod) for callers that only need the directory, early and cheaply:
 * the program's process is started ahead from it (engine/host/prestart.ts).
 */
export function findProjectFile(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = PROJECT_FILES.map((name) => join(dir, name)).find((path) => existsSync(path));
    if (file) return file;
    if (dirname(dir) === dir) return undefined;
  }
}
