import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { StateCode, StateError } from "../errors";
import { writeFileAtomic } from "./files";

/**
 * Makes sure `<root>/meta.yaml` says `version: 1` (the project-scoped layout of pkg/backend/diy/meta.go). A backend
 * with stacks but no meta.yaml uses the legacy layout, which this engine does not write.
 */
export async function ensureMeta(root: string): Promise<void> {
  const file = join(root, "meta.yaml");
  let version: unknown;
  try {
    version = (parse(await readFile(file, "utf8")) as { version?: unknown } | null)?.version ?? 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    const stacksDir = join(root, "stacks");
    const legacy = existsSync(stacksDir) && readdirSync(stacksDir).some((name) => /\.json(\.gz|\.zst)?$/.test(name));
    if (legacy) version = 0;
    else {
      await writeFileAtomic(file, "version: 1\n");
      return;
    }
  }
  if (version !== 1) {
    throw new StateError(
      StateCode.layoutUnsupported,
      `${root} uses diy backend layout version ${String(version)}; idlc reads and writes version 1 (project-scoped)`,
      "upgrade it with `pulumi state upgrade`, or run this stack with --engine pulumi",
      { file },
    );
  }
}
