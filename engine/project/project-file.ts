import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { ProjectCode, ProjectError } from "./errors";
import { findProjectFile } from "./project-dir";

// Pulumi.yaml as the Pulumi CLI reads it (sdk/go/common/workspace/project.go); unknown keys are allowed.
const runtimeSchema = z.union([
  z.string().min(1),
  z.object({ name: z.string().min(1), options: z.record(z.string(), z.unknown()).optional() }),
]);
const projectFileSchema = z.looseObject({
  name: z.string().regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, '_', '.' or '-'"),
  runtime: runtimeSchema,
  main: z.string().min(1).optional(),
  description: z.string().optional(),
  stackConfigDir: z.string().min(1).optional(),
  backend: z.object({ url: z.string().optional() }).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

export const projectSchema = z.object({
  /** Absolute directory holding Pulumi.yaml. */
  dir: z.string(),
  /** Absolute path of Pulumi.yaml itself. */
  file: z.string(),
  name: z.string(),
  runtime: z.object({ name: z.string(), options: z.record(z.string(), z.unknown()) }),
  /** Program entry relative to `dir`; "." means package.json `main`, as in the Pulumi CLI. */
  main: z.string(),
  /** Absolute directory of the Pulumi.<stack>.yaml files. */
  stackConfigDir: z.string(),
  backendUrl: z.string().optional(),
  /** Project-level `config:` declarations (defaults for every stack). */
  configDefaults: z.record(z.string(), z.unknown()),
});
export type Project = z.infer<typeof projectSchema>;

/**
 * Finds the nearest Pulumi.yaml at or above `cwd` and reads it.
 * @throws ProjectError `PROJECT_NOT_FOUND` / `PROJECT_INVALID` (naming the file and field).
 */
export function findProject(cwd: string): Project {
  const file = findProjectFile(cwd);
  if (file) return readProject(file);
  throw new ProjectError(
    ProjectCode.notFound,
    `no Pulumi.yaml in ${resolve(cwd)} or any directory above it`,
    "run idlc inside a Pulumi project, or pass --cwd DIR pointing at one",
    { file: resolve(cwd) },
  );
}

export function readProject(file: string): Project {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (cause) {
    throw new ProjectError(
      ProjectCode.invalid,
      `${file} is not valid YAML: ${(cause as Error).message}`,
      "fix the YAML syntax",
      { file },
      cause,
    );
  }
  const parsed = projectFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "(top level)";
    throw new ProjectError(
      ProjectCode.invalid,
      `${file}: ${field}: ${issue.message}`,
      "Pulumi.yaml needs at least `name` and `runtime: nodejs`",
      {
        file,
        column: field,
      },
    );
  }
  const p = parsed.data;
  const dir = dirname(file);
  const runtime =
    typeof p.runtime === "string"
      ? { name: p.runtime, options: {} }
      : { name: p.runtime.name, options: p.runtime.options ?? {} };
  return projectSchema.parse({
    dir,
    file,
    name: p.name,
    runtime,
    main: p.main ?? ".",
    stackConfigDir: resolve(dir, p.stackConfigDir ?? "."),
    backendUrl: p.backend?.url,
    configDefaults: p.config ?? {},
  });
}
