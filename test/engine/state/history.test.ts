import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ciEnvironment, collectEnvironment, historyConfig, openBackend, unixSeconds } from "../../../engine/state";
import { finishOptions, SECRETS, stackResource, tempProject } from "./fixtures/resources";
import { validateEveryWrittenCheckpoint } from "./fixtures/validate-all";

validateEveryWrittenCheckpoint();

describe("history entries", () => {
  it("are listed newest first with Pulumi's UpdateInfo fields", async () => {
    const project = tempProject();
    const backend = openBackend({ project, env: {} });
    const kinds = ["update", "refresh", "destroy"] as const;
    let base;
    for (const kind of kinds) {
      const run = backend.startUpdate("dev", { kind, base, secretsProviders: SECRETS });
      if (kind !== "destroy") run.upsert(stackResource());
      else run.remove(stackResource().urn);
      base = await run.finish({
        ...finishOptions("succeeded", { [kind === "destroy" ? "delete" : "same"]: 1 }),
        startTime: 1_795_627_752_000,
        message: kind,
      });
    }
    const history = await backend.listHistory("dev");
    expect(history.map((h) => h.kind)).toEqual(["destroy", "refresh", "update"]);
    expect(history[2]).toEqual({
      kind: "update",
      startTime: 1_795_627_752,
      message: "update",
      environment: { "exec.kind": "idlc" },
      config: finishOptions().config,
      version: 0,
      result: "succeeded",
      endTime: expect.any(Number),
      resourceChanges: { same: 1 },
    });
    expect(history[0]!.resourceChanges).toEqual({ delete: 1 });
    expect(await openBackend({ project, env: {} }).listHistory("never")).toEqual([]);
  });
});

describe("unixSeconds", () => {
  it.each([
    [new Date("2026-11-25T00:00:10.900Z"), 1_795_564_810],
    [1_795_564_810, 1_795_564_810],
    [1_795_564_810_900, 1_795_564_810],
  ])("%s → %i", (input, seconds) => expect(unixSeconds(input)).toBe(seconds));
});

describe("historyConfig", () => {
  it("encrypts the raw string of secret keys only", () => {
    const out = historyConfig({ "p:a": "plain", "p:key": "hunter2" }, ["p:key"], (s) => `ct(${s.length})`);
    expect(out).toEqual({ "p:a": "plain", "p:key": { secure: "ct(7)" } });
  });
});

describe("ciEnvironment", () => {
  it.each([
    [
      "GitHub Actions",
      {
        GITHUB_ACTIONS: "true",
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_REPOSITORY: "acme/idp",
        GITHUB_RUN_ID: "42",
        GITHUB_EVENT_NAME: "push",
      },
      {
        "ci.system": "GitHub",
        "ci.build.id": "42",
        "ci.build.type": "push",
        "ci.build.url": "https://github.com/acme/idp/actions/runs/42",
      },
    ],
    [
      "GitLab",
      { GITLAB_CI: "true", CI_PIPELINE_ID: "7", CI_PIPELINE_URL: "https://gl/p/-/pipelines/7" },
      { "ci.system": "GitLab CI/CD", "ci.build.id": "7", "ci.build.url": "https://gl/p/-/pipelines/7" },
    ],
    [
      "Jenkins",
      { JENKINS_URL: "https://j", BUILD_ID: "3", BUILD_URL: "https://j/job/3/" },
      { "ci.system": "Jenkins", "ci.build.id": "3", "ci.build.url": "https://j/job/3/" },
    ],
    ["generic CI", { CI: "true" }, { "ci.system": "Generic CI" }],
    ["a laptop", {}, {}],
  ])("%s", (_name, env, expected) => expect(ciEnvironment(env)).toEqual(expected));
});

describe("collectEnvironment", () => {
  it("records git head, branch, author, committer and dirtiness, plus exec.kind and idlc.version", async () => {
    const dir = mkdtempSync(join(tmpdir(), "idlc-git-"));
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd: dir,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: "Ada",
          GIT_AUTHOR_EMAIL: "ada@example.com",
          GIT_COMMITTER_NAME: "Bot",
          GIT_COMMITTER_EMAIL: "bot@example.com",
        },
      })
        .toString()
        .trim();
    git("init", "-q", "-b", "main");
    writeFileSync(join(dir, "people.csv"), "id\n1\n");
    git("add", ".");
    git("commit", "-q", "-m", "first");
    const head = git("rev-parse", "HEAD");
    const env = await collectEnvironment(dir, { CI: "1" });
    expect(env).toEqual({
      "git.head": head,
      "git.headName": "refs/heads/main",
      "git.author": "Ada",
      "git.author.email": "ada@example.com",
      "git.committer": "Bot",
      "git.committer.email": "bot@example.com",
      "git.dirty": "false",
      "ci.system": "Generic CI",
      "exec.kind": "idlc",
      "idlc.version": expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    writeFileSync(join(dir, "people.csv"), "id\n2\n");
    expect((await collectEnvironment(dir, {}))["git.dirty"]).toBe("true");
    expect(await collectEnvironment(mkdtempSync(join(tmpdir(), "idlc-nogit-")), {})).toEqual({
      "exec.kind": "idlc",
      "idlc.version": expect.any(String),
    });
  });
});
