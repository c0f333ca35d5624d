/**
 * A deployment as the project's stack files declare it: every stack whose `identity:shard.deployment` matches the
 * name or pattern, its base stack, and the order its shards apply in. An invalid split is a usage error listing
 * every gap and overlap, raised before any shard runs.
 */
import { resolve } from "node:path";
import { findProject, listStackNames } from "../../engine/project";
import { loadStackSettings, type StackSettings } from "../../provider/config";
import { formatIssue } from "../../provider/errors";
import { applyPhases, checkCoverage, deploymentAppKeys, type ShardMember } from "../../provider/shards";
import { appResources } from "../../provider/stack";
import { UsageError } from "../exit";

export interface Deployment {
  /** The name or pattern the command was given. */
  name: string;
  cwd: string;
  base: StackSettings;
  members: ShardMember[];
  /** Stack names, phase by phase: directory shards first. */
  phases: string[][];
}

/** A name is the deployment's; `*` matches any run of characters (`prod-*`). */
function matcher(pattern: string): (name: string) => boolean {
  const re = new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return (name) => re.test(name);
}

const isDirectory = (app: string) => appResources[app as keyof typeof appResources]?.directory ?? false;

export function loadDeployment(name: string, cwd = process.cwd()): Deployment {
  const project = findProject(resolve(cwd));
  const matches = matcher(name);
  const members = listStackNames(project).flatMap((stack) => {
    const s = loadStackSettings({ cwd: project.dir, stack });
    return s.settings.shard && matches(s.settings.shard.deployment)
      ? [{ stack, file: s.stackFile, shard: s.settings.shard }]
      : [];
  });
  if (members.length === 0) {
    throw new UsageError(
      `no shard stack belongs to deployment "${name}"`,
      "Run `idlc shards plan --stack BASE --people-per-shard N` first, or check the name.",
    );
  }
  const base = loadStackSettings({ cwd: project.dir, stack: members[0]!.shard.base });
  const appKeys = deploymentAppKeys(base.raw);
  const issues = checkCoverage(name, members, appKeys);
  if (issues.length) {
    throw new UsageError(
      `deployment ${name} is not a valid split:\n${issues.map((i) => `  ${formatIssue(i)}`).join("\n")}`,
      "Fix the shard stack files named above.",
    );
  }
  return { name, cwd: project.dir, base, members, phases: applyPhases(members, appKeys, isDirectory) };
}
