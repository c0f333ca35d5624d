import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { StackConfigError } from "./errors";

/** A Pulumi project as idlc needs it: where it is and where its stacks' config files live. */
export interface Project {
  name: string;
  dir: string;
  file: string;
  /** Absolute directory of the `Pulumi.<stack>.yaml` files (the project's `stackConfigDir`, else `dir`). */
  stackDir: string;
}

const ProjectFile = z.looseObject({ name: z.string().min(1), stackConfigDir: z.string().min(1).optional() });

/**
 * Finds `Pulumi.yaml` (or `.yml`) in `cwd` or the nearest directory above it.
 * @throws StackConfigError when there is none or it is not a valid project file.
 */
export function findProject(cwd: string): Project {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => existsSync(f));
    if (file) {
      const parsed = ProjectFile.safeParse(readYaml(file));
      if (!parsed.success) {
        throw new StackConfigError("CONFIG_INVALID", `${file} is not a Pulumi project file: ${z.prettifyError(parsed.error)}`,
          "Give Pulumi.yaml at least a name (see DESIGN.md §3).", { file });
      }
      const stackDir = path.resolve(dir, parsed.data.stackConfigDir ?? ".");
      return { name: parsed.data.name, dir, file, stackDir };
    }
    if (path.dirname(dir) === dir) {
      throw new StackConfigError("CONFIG_PROJECT_NOT_FOUND", `no Pulumi.yaml in ${cwd} or any directory above it`,
        "Run idlc inside the project, or use --file to check one export without a stack.", { file: cwd });
    }
  }
}

export function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new StackConfigError("CONFIG_INVALID", `cannot read ${file}: ${(err as Error).message}`,
      "Fix the YAML syntax of the file.", { file }, err);
  }
}
