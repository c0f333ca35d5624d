/**
 * The PR workflow's own scripts (examples/github/pr-preview.yml `run:` steps), run by bash as GitHub runs them,
 * in a clone of a repository whose main holds the demo's previous HR export and whose branch holds the new one.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addProgram,
  demoProject,
  gitEnv,
  npxShim,
  projectAt,
  root,
  scratchDir,
  startSandboxIn,
  type TempProject,
} from "./project";
import { examples, readWorkflow, steps } from "./workflow-files";

const scratch = scratchDir("idlc-pr-flow-");
let stopSandbox: (() => Promise<void>) | undefined;
afterAll(async () => {
  await stopSandbox?.();
  scratch.cleanup();
});

const workflow = readWorkflow(path.join(examples, "pr-preview.yml"));
const step = (needle: string) => steps(workflow).find((s) => s.run?.includes(needle))!;

let work: TempProject;
const files = { summary: "", output: "" };

/** One `run:` script under `bash -e -o pipefail`, with the workflow's env (stack `demo`, base `main`) and GitHub's. */
function runStep(script: string) {
  const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
    cwd: work.dir,
    encoding: "utf8",
    env: {
      ...process.env,
      ...gitEnv,
      NO_COLOR: "1",
      PATH: `${npxShim(scratch.dir)}:${process.env.PATH}`,
      STACK: "demo",
      BASE_REF: "main",
      GITHUB_BASE_REF: "main",
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_OUTPUT: files.output,
      // As in the workflow: the PR job holds no passphrase (docs/GITOPS.md, section 2).
      PULUMI_CONFIG_PASSPHRASE: undefined,
      PULUMI_CONFIG_PASSPHRASE_FILE: undefined,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  // origin: main with the previous export; the PR branch: the current one (a joiner, a mover, a leaver).
  const origin = demoProject(path.join(scratch.dir, "origin"));
  copyFileSync(path.join(root, "stacks/demo/people-previous.csv"), path.join(origin.dir, "stacks/demo/people.csv"));
  origin.git("add", ".");
  origin.git("commit", "-q", "-m", "base");
  origin.git("clone", "-q", origin.dir, path.join(scratch.dir, "work"));
  work = projectAt(path.join(scratch.dir, "work"));
  work.git("switch", "-q", "-c", "hr-export-2026-11");
  copyFileSync(path.join(root, "stacks/demo/people.csv"), path.join(work.dir, "stacks/demo/people.csv"));
  work.git("commit", "-q", "-am", "HR export");
  // The preview runs the program, which reaches the apps: here, the sandbox's emulators.
  addProgram(work.dir);
  stopSandbox = await startSandboxIn(work.dir);
  files.summary = path.join(scratch.dir, "step-summary.md");
  files.output = path.join(scratch.dir, "github-output");
  writeFileSync(files.summary, "");
  writeFileSync(files.output, "");
});

// Each step runs idlc to completion (a preview of the 40-person demo: ~10 s alone, minutes on a loaded machine).
describe("the PR workflow's command sequence on the demo stack", { timeout: 240_000 }, () => {
  it("validate --previous origin/main passes (exit 0) and reports the export", () => {
    const r = runStep(step("npx idlc validate").run!);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ok stacks\/demo\/people\.csv: 40 people as of \d{4}-\d\d-\d\d .*; 0 errors/m);
  });

  it("diff --from origin/main --format md appends the people summary to the job summary", () => {
    const r = runStep(step("npx idlc diff").run!);
    expect(r.code, r.stderr).toBe(0);
    const summary = readFileSync(files.summary, "utf8");
    expect(summary).toMatch(
      /^### idlc diff \d{4}-\d\d-\d\d → \d{4}-\d\d-\d\d\n\n\*\*1 joiner, 1 mover, 1 leaver, 0 rehires\*\*\n/,
    );
    expect(summary).toContain("#### Movers (1)\n\n- **Ava Thomas (E025), Sales, Sales Engineer**");
  });

  it("preview --policy-pack policies --format md writes the marked comment with the people summary and resource changes", () => {
    const r = runStep(step("npx idlc preview").run!);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(files.output, "utf8")).toMatch(/^exit=0$/m);
    const comment = readFileSync(path.join(work.dir, "comment.md"), "utf8");
    expect(comment.split("\n")[0]).toBe("<!-- idlc:preview stack=demo -->");
    // The people summary compares against the PR's base (GITHUB_BASE_REF), not the branch itself.
    expect(comment).toContain("**1 joiner, 1 mover, 1 leaver, 0 rehires**");
    expect(comment).toMatch(/^✅ No mandatory policy violations\.$/m);
    expect(comment).toMatch(/^\*\*\+ \d+ to create\*\*$/m);
    expect(comment).toContain("| create | `slack/E071` | idlc:SlackAccount |");
  }, 180_000); // a preview of the demo stack: minutes, not seconds, on a loaded 2-core machine

  it("preview --expect-no-changes (the drift check) exits 1 while the stack has changes to apply", () => {
    const r = runStep('npx idlc preview --stack "$STACK" --expect-no-changes');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/--expect-no-changes, but the preview has \d+ pending change\(s\)/);
  }, 180_000);

  it("preview refuses --format md with --json (both write stdout) as a usage error", () => {
    const r = runStep('npx idlc preview --stack "$STACK" --format md --json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format md and --json both write to stdout");
  });

  it("stops the workflow at validate (exit 1, row named) when the PR breaks the export", () => {
    const csv = path.join(work.dir, "stacks/demo/people.csv");
    const good = readFileSync(csv, "utf8");
    writeFileSync(csv, good.replace("amara.nwosu@example.com", "amara.nwosu@example.org"));
    try {
      const r = runStep(step("npx idlc validate").run!);
      expect(r.code).toBe(1);
      expect(`${r.stdout}${r.stderr}`).toMatch(/stacks\/demo\/people\.csv:\d+:work_email/);
    } finally {
      writeFileSync(csv, good);
    }
  });
});
