import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ProjectCode, ProjectError } from "./errors";
import type { Project } from "./project-file";

const STACK_NAME = /^[A-Za-z0-9_.-]+$/;
const STACK_FILE = /^Pulumi\.([A-Za-z0-9_.-]+)\.ya?ml$/;

/** `organization/<project>/<stack>` and `<project>/<stack>` are accepted as the CLI accepts them; the stack part is returned. */
export function normalizeStackName(stack: string): string {
  const name = stack.split("/").pop() ?? "";
  if (!STACK_NAME.test(name)) {
    throw new ProjectError(
      ProjectCode.stackNameInvalid,
      `"${stack}" is not a valid stack name`,
      "use letters, digits, '_', '.' or '-'",
    );
  }
  return name;
}

/** Path of Pulumi.<stack>.yaml (or an existing `.yml`) in the project's stackConfigDir. */
export function stackConfigPath(project: Project, stack: string): string {
  const name = normalizeStackName(stack);
  const yml = join(project.stackConfigDir, `Pulumi.${name}.yml`);
  return existsSync(yml) ? yml : join(project.stackConfigDir, `Pulumi.${name}.yaml`);
}

/** Stacks that have a Pulumi.<stack>.yaml, sorted. */
export function listStackNames(project: Project): string[] {
  if (!existsSync(project.stackConfigDir)) return [];
  return readdirSync(project.stackConfigDir)
    .map((file) => STACK_FILE.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

/**
 * The stack to operate on: `explicit` (e.g. `--stack`), else `PULUMI_STACK`, else the only Pulumi.<stack>.yaml.
 * @throws ProjectError `STACK_NOT_CHOSEN` when several stacks exist and none was named.
 */
export function resolveStackName(project: Project, explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit ?? env.PULUMI_STACK;
  if (chosen) return normalizeStackName(chosen);
  const stacks = listStackNames(project);
  if (stacks.length === 1) return stacks[0]!;
  const found = stacks.length
    ? `stacks found: ${stacks.join(", ")}`
    : `no Pulumi.<stack>.yaml in ${project.stackConfigDir}`;
  throw new ProjectError(
    ProjectCode.stackNotChosen,
    `which stack? ${found}`,
    "pass --stack NAME (or set PULUMI_STACK)",
    {
      file: project.stackConfigDir,
    },
  );
}
