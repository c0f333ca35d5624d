import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { findProject, listStackNames, stackConfigPath, type Project } from "../../engine/provider-interface";
import { StackConfigError } from "./errors";
import { IdentitySettings, ShardSettings, type HrSettings } from "./schema";
import { inheritFromBase } from "./shard-inherit";

/** The namespace of idlc's own config keys (`identity:hr`, `identity:slack`, …). */
export const namespace = "identity";

export interface StackSettings {
  project: Project;
  stack: string;
  stackFile: string;
  /** Directory of the stack file; relative paths in settings (such as `identity:hr` file) start here. */
  stackDir: string;
  settings: IdentitySettings;
  /**
   * The stack file's whole `config:` map, every namespace, exactly as written (secure values undecrypted); for a
   * shard, with the shared `identity:` settings of its base stack under it.
   */
  raw: Record<string, unknown>;
}

const StackFile = z.looseObject({ config: z.record(z.string(), z.unknown()).nullish() }).nullish();

/**
 * Reads `Pulumi.<stack>.yaml` of the project around `cwd` (found as the engine finds it) and validates its
 * `identity:` settings; choosing the stack is engine/project's `resolveStackName`, the same for every command.
 * @throws StackConfigError naming the file and every invalid key; ProjectError without a project.
 */
export function loadStackSettings(options: { cwd: string; stack: string }): StackSettings {
  const project = findProject(options.cwd);
  const { stack } = options;
  const { stackFile, raw: own } = readStackFile(project, stack);
  const raw = own["identity:shard"] === undefined ? own : shardConfig(project, stackFile, own);
  const parsed = IdentitySettings.safeParse(identityKeys(raw));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${namespace}:${i.path.join(".")}: ${i.message}`).join("; ");
    throw new StackConfigError(
      "CONFIG_INVALID",
      `${stackFile}: ${problems}`,
      "Correct these keys in the stack file (see docs/ARCHITECTURE.md for the identity: settings).",
      { file: stackFile },
    );
  }
  return { project, stack, stackFile, stackDir: path.dirname(stackFile), settings: parsed.data, raw };
}

function identityKeys(raw: Record<string, unknown>): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith(`${namespace}:`)) own[key.slice(namespace.length + 1)] = value;
  }
  return own;
}

/** A shard's config: its own file on top of the shared settings of its base stack (shard-inherit.ts). */
function shardConfig(project: Project, file: string, raw: Record<string, unknown>): Record<string, unknown> {
  const shard = ShardSettings.safeParse(raw["identity:shard"]);
  if (!shard.success) {
    const problems = shard.error.issues.map(
      (i) => `${namespace}:shard${i.path.map((p) => `.${String(p)}`).join("")}: ${i.message}`,
    );
    throw new StackConfigError(
      "CONFIG_INVALID",
      `${file}: ${problems.join("; ")}`,
      "Write identity:shard as { deployment, base, apps?, bucket?, buckets? } (docs/SHARDS.md).",
      { file },
    );
  }
  const base = readStackFile(project, shard.data.base);
  return inheritFromBase({ shard: shard.data, raw, file, baseRaw: base.raw, baseFile: base.stackFile });
}

function readStackFile(project: Project, stack: string): { stackFile: string; raw: Record<string, unknown> } {
  const stackFile = stackConfigPath(project, stack);
  if (!existsSync(stackFile)) {
    const known = listStackNames(project);
    throw new StackConfigError(
      "CONFIG_STACK_NOT_FOUND",
      `stack "${stack}" has no Pulumi.${stack}.yaml in ${project.stackConfigDir}`,
      known.length ? `Use one of the stacks: ${known.join(", ")}.` : "Create the stack's config file first.",
      { file: project.stackConfigDir },
    );
  }
  const file = StackFile.safeParse(readYaml(stackFile));
  if (!file.success) {
    throw new StackConfigError(
      "CONFIG_INVALID",
      `${stackFile}: config must be a map of keys to values`,
      "Write the stack file as `config:` followed by `identity:<key>: value` lines.",
      { file: stackFile },
    );
  }
  return { stackFile, raw: file.data?.config ?? {} };
}

/**
 * The stack's `identity:hr` settings, which every command that reads the HR export needs.
 * @throws StackConfigError naming the stack file when it has none.
 */
export function hrSettingsOf(stack: StackSettings): HrSettings {
  if (stack.settings.hr) return stack.settings.hr;
  throw new StackConfigError(
    "CONFIG_INVALID",
    `${stack.stackFile} has no identity:hr setting`,
    "Add identity:hr with at least `file:` (the export, relative to the stack file).",
    { file: stack.stackFile },
  );
}

function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new StackConfigError(
      "CONFIG_INVALID",
      `cannot read ${file}: ${(err as Error).message}`,
      "Fix the YAML syntax of the file.",
      { file },
      err,
    );
  }
}
