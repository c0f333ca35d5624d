import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const { version: idlcVersion } = require("../../../package.json") as { version: string };

/** CI system and run URL from the variables each CI sets (keys of pkg/backend/updates.go: ci.system, ci.build.*). */
export function ciEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  const set = (key: string, value: string | undefined) => {
    if (value) out[key] = value;
  };
  if (env.GITHUB_ACTIONS === "true") {
    set("ci.system", "GitHub");
    set("ci.build.id", env.GITHUB_RUN_ID);
    set("ci.build.type", env.GITHUB_EVENT_NAME);
    if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
      set("ci.build.url", `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`);
    }
  } else if (env.GITLAB_CI) {
    set("ci.system", "GitLab CI/CD");
    set("ci.build.id", env.CI_PIPELINE_ID);
    set("ci.build.type", env.CI_PIPELINE_SOURCE);
    set("ci.build.url", env.CI_PIPELINE_URL ?? env.CI_JOB_URL);
  } else if (env.BUILDKITE) {
    set("ci.system", "Buildkite");
    set("ci.build.id", env.BUILDKITE_BUILD_ID);
    set("ci.build.url", env.BUILDKITE_BUILD_URL);
  } else if (env.CIRCLECI) {
    set("ci.system", "CircleCI");
    set("ci.build.id", env.CIRCLE_BUILD_NUM);
    set("ci.build.url", env.CIRCLE_BUILD_URL);
  } else if (env.TF_BUILD) {
    set("ci.system", "Azure Pipelines");
    set("ci.build.id", env.BUILD_BUILDID);
    if (env.SYSTEM_COLLECTIONURI && env.SYSTEM_TEAMPROJECT && env.BUILD_BUILDID) {
      set(
        "ci.build.url",
        `${env.SYSTEM_COLLECTIONURI}${env.SYSTEM_TEAMPROJECT}/_build/results?buildId=${env.BUILD_BUILDID}`,
      );
    }
  } else if (env.JENKINS_URL) {
    set("ci.system", "Jenkins");
    set("ci.build.id", env.BUILD_ID);
    set("ci.build.url", env.BUILD_URL);
  } else if (env.CI && env.CI !== "false") {
    set("ci.system", "Generic CI");
  }
  return out;
}

async function git(cwd: string, ...args: string[]): Promise<string | undefined> {
  try {
    return (await run("git", args, { cwd, timeout: 5000 })).stdout.trim();
  } catch {
    return undefined; // not a repository, no commits yet, or no git at all: the entry is just left out
  }
}

/** Git head, branch, author, committer and dirtiness of the checkout at `cwd` (Pulumi's git.* keys). */
export async function gitEnvironment(cwd: string): Promise<Record<string, string>> {
  const head = await git(cwd, "rev-parse", "HEAD");
  if (!head) return {};
  const [headName, log, status] = await Promise.all([
    git(cwd, "symbolic-ref", "-q", "HEAD"),
    git(cwd, "log", "-1", "--format=%an%n%ae%n%cn%n%ce"),
    git(cwd, "status", "--porcelain"),
  ]);
  const [author, authorEmail, committer, committerEmail] = (log ?? "").split("\n");
  const out: Record<string, string> = { "git.head": head };
  const entries: Array<[string, string | undefined]> = [
    ["git.headName", headName],
    ["git.author", author],
    ["git.author.email", authorEmail],
    ["git.committer", committer],
    ["git.committer.email", committerEmail],
  ];
  for (const [key, value] of entries) if (value) out[key] = value;
  if (status !== undefined) out["git.dirty"] = String(status !== "");
  return out;
}

/** The `environment` of a history entry: git and CI metadata, `exec.kind: idlc` and `idlc.version`. The audit trail. */
export async function collectEnvironment(
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Record<string, string>> {
  return { ...(await gitEnvironment(cwd)), ...ciEnvironment(env), "exec.kind": "idlc", "idlc.version": idlcVersion };
}
