import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { StackConfigError } from "./errors";
import { findProject, readYaml, type Project } from "./project";
import { IdentitySettings, ShardSettings } from "./schema";
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

/** The stacks that have a config file in the project's stack config directory, sorted. */
export function listStacks(project: Project): string[] {
  if (!existsSync(project.stackDir)) return [];
  return readdirSync(project.stackDir)
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

/**
 * Reads `Pulumi.<stack>.yaml` of the project around `cwd` and validates its `identity:` settings.
 * @throws StackConfigError naming the file and every invalid key.
 */
export function loadStackSettings(options: { cwd: string; stack: string }): StackSettings {
  const project = findProject(options.cwd);
  const { stack } = options;
  const { stackFile, raw: own } = readStackFile(project, stack);
  const raw = own["identity:shard"] === undefined ? own : shardConfig(project, stackFile, own);
  const parsed = IdentitySettings.safeParse(identityKeys(raw));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${namespace}:${i.path.join(".")}: ${i.message}`).join("; ");
    throw new StackConfigError("CONFIG_INVALID", `${stackFile}: ${problems}`,
      "Correct these keys in the stack file (see docs/ARCHITECTURE.md for the identity: settings).", { file: stackFile });
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
    const problems = shard.error.issues.map((i) => `${namespace}:shard${i.path.map((p) => `.${String(p)}`).join("")}: ${i.message}`);
    throw new StackConfigError("CONFIG_INVALID", `${file}: ${problems.join("; ")}`,
      "Write identity:shard as { deployment, base, apps?, bucket?, buckets? } (docs/SHARDS.md).", { file });
  }
  const base = readStackFile(project, shard.data.base);
  return inheritFromBase({ shard: shard.data, raw, file, baseRaw: base.raw, baseFile: base.stackFile });
}

function readStackFile(project: Project, stack: string): { stackFile: string; raw: Record<string, unknown> } {
  const stackFile = ["yaml", "yml"].map((ext) => path.join(project.stackDir, `Pulumi.${stack}.${ext}`)).find(existsSync);
  if (!stackFile) {
    const known = listStacks(project);
    throw new StackConfigError("CONFIG_STACK_NOT_FOUND", `stack "${stack}" has no Pulumi.${stack}.yaml in ${project.stackDir}`,
      known.length ? `Use one of the stacks: ${known.join(", ")}.` : "Create the stack's config file first.", { file: project.stackDir });
  }
  const file = StackFile.safeParse(readYaml(stackFile));
  if (!file.success) {
    throw new StackConfigError("CONFIG_INVALID", `${stackFile}: config must be a map of keys to values`,
      "Write the stack file as `config:` followed by `identity:<key>: value` lines.", { file: stackFile });
  }
  return { stackFile, raw: file.data?.config ?? {} };
}
