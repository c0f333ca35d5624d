import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HrSourceError } from "../../provider/hr";
import { readFromFileOrGitRef } from "../../provider/stack-files";

describe("reading the previous export from a file or a git ref", () => {
  let repo: string;
  let current: string;
  let first: string;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" }).trim();

  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), "idlc-git-"));
    mkdirSync(path.join(repo, "stacks", "demo"), { recursive: true });
    current = path.join(repo, "stacks", "demo", "people.csv");
    git("init", "-q", "-b", "main");
    git("config", "user.email", "t@example.com");
    git("config", "user.name", "t");
    writeFileSync(current, "v1\n");
    git("add", ".");
    git("commit", "-q", "-m", "one");
    first = git("rev-parse", "HEAD");
    writeFileSync(current, "v2\n");
    git("commit", "-q", "-am", "two");
    writeFileSync(current, "v3 (uncommitted)\n");
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("a path that exists is read as a file", () => {
    expect(readFromFileOrGitRef("stacks/demo/people.csv", repo, current)).toEqual({
      file: current,
      bytes: Buffer.from("v3 (uncommitted)\n"),
    });
  });

  it.each([
    ["HEAD", "v2\n"],
    ["HEAD~1", "v1\n"],
    ["main~1", "v1\n"],
  ])("git ref %s reads the same file at that commit", (ref, text) => {
    expect(readFromFileOrGitRef(ref, repo, current)).toEqual({
      file: `${ref}:stacks/demo/people.csv`,
      bytes: Buffer.from(text),
    });
  });

  it("an abbreviated commit id works, from any working directory inside the repo", () => {
    const sub = path.join(repo, "stacks");
    expect(readFromFileOrGitRef(first.slice(0, 7), sub, current).bytes.toString()).toBe("v1\n");
  });

  it("REF:path names the file explicitly", () => {
    expect(readFromFileOrGitRef("HEAD:stacks/demo/people.csv", repo).bytes.toString()).toBe("v2\n");
  });

  it("neither a file nor a ref is a clear error; a ref is never interpreted by a shell", () => {
    expect(() => readFromFileOrGitRef("no-such-ref", repo, current)).toThrow(HrSourceError);
    expect(() => readFromFileOrGitRef("HEAD;touch pwned", repo, current)).toThrow(/neither a file nor a git ref/);
    expect(() => readFromFileOrGitRef("--output=x", repo, current)).toThrow(HrSourceError);
    expect(() => readFromFileOrGitRef("HEAD", repo)).toThrow(/is not a file/);
  });
});
