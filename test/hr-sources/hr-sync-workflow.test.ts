/**
 * examples/github/hr-sync.yml's own `run:` scripts, run by bash as GitHub runs them, in a clone whose origin is a
 * bare repository and whose HR system is the BambooHR twin: a quiet run proposes nothing (and costs one call once
 * the change-feed marker exists), an HR change opens ONE pull request with the people summary, and the next change
 * updates that same branch and PR. `gh` is a shim that records what the workflow asks of GitHub.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxDir } from "../../sandbox";
import { startHrTwin, type RunningHrTwin } from "../../sandbox/hr";
import { writeSandboxState } from "../../sandbox/state";
import { bin, demoProject, gitEnv, npxShim, scratchDir, type TempProject } from "../gitops/project";
import { examples, readWorkflow, steps } from "../gitops/workflow-files";
import { nameHrSource } from "./project";

const scratch = scratchDir("idlc-hr-sync-");
const workflow = readWorkflow(path.join(examples, "hr-sync.yml"));
const scripts = steps(workflow)
  .map((s) => s.run)
  .filter((run): run is string => !!run && run !== "npm ci");
const today = new Date().toISOString().slice(0, 10);
let twin: RunningHrTwin;
let work: TempProject;
let origin: string;

/** `gh` as the workflow uses it: `pr list` answers the open PR's number once `pr create` made one. */
function ghShim(dir: string): void {
  const shim = path.join(dir, "gh");
  writeFileSync(
    shim,
    [
      "#!/bin/sh",
      `echo "$*" >> "${dir}/gh.log"`,
      `case "$1 $2" in "pr list") cat "${dir}/pr" 2>/dev/null;; "pr create") echo 7 > "${dir}/pr";; esac`,
      // Keeps each body the workflow sends, named by the gh.log line of the call that sent it.
      `for a in "$@"; do case "$prev" in --body-file) cp "$a" "${dir}/body-$(wc -l < "${dir}/gh.log").md";; esac;` +
        ` prev="$a"; done`,
      "",
    ].join("\n"),
  );
  chmodSync(shim, 0o755);
}

/** One script under bash; async, because the twin answering it runs in this very process. */
function bash(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { cwd: work.dir, env });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (out += d));
    child.on("close", (code) => resolve({ code, out }));
  });
}

/** Every `run:` script of the workflow in order, with its env; stops at the first that fails (as the job does). */
async function runWorkflow(): Promise<{ code: number | null; out: string }> {
  const shims = path.join(scratch.dir, "bin");
  const env = {
    ...process.env,
    ...gitEnv,
    NO_COLOR: "1",
    PATH: `${shims}:${process.env.PATH}`,
    STACK: "demo",
    EXPORT: "stacks/demo/people.csv",
    BRANCH: "idlc/hr-sync-demo",
    FAST_LANE: "",
    RUNNER_TEMP: scratch.dir,
    PULUMI_CONFIG_PASSPHRASE: "test",
  };
  let out = "";
  work.git("switch", "-q", "main");
  for (const script of scripts) {
    const r = await bash(script, env);
    out += r.out;
    if (r.code !== 0) return { code: r.code, out };
  }
  return { code: 0, out };
}

const ghLog = () =>
  existsSync(path.join(scratch.dir, "bin", "gh.log"))
    ? readFileSync(path.join(scratch.dir, "bin", "gh.log"), "utf8")
    : "";
const fileAt = (ref: string, file: string) =>
  spawnSync("git", ["show", `${ref}:stacks/demo/${file}`], { cwd: origin, encoding: "utf8" }).stdout;
const exportAt = (ref: string) => fileAt(ref, "people.csv");

beforeAll(async () => {
  mkdirSync(path.join(scratch.dir, "bin"));
  npxShim(path.join(scratch.dir, "bin"));
  ghShim(path.join(scratch.dir, "bin"));
  origin = path.join(scratch.dir, "origin.git");
  spawnSync("git", ["init", "-q", "--bare", "-b", "main", origin]);
  work = demoProject(path.join(scratch.dir, "work"));
  nameHrSource(path.join(work.dir, "stacks", "Pulumi.demo.yaml"), "bamboohr");
  writeFileSync(path.join(work.dir, ".gitignore"), ".idlc/\n");
  // The twin serves the repository's demo file as it is (no date shift); main starts from one pull of it.
  const people = readFileSync(path.join(work.dir, "stacks", "demo", "people.csv"), "utf8");
  twin = await startHrTwin("bamboohr", { people });
  writeSandboxState(sandboxDir(work.dir), {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    unavailable: {},
    apps: { [twin.name]: { url: twin.url, token: twin.token } },
  });
  const pulled = await bash(`"${process.execPath}" "${bin}" hr pull --stack demo`, process.env);
  expect(pulled.code, pulled.out).toBe(0);
  work.git("add", ".");
  work.git("commit", "-q", "-m", "demo stack pulled from BambooHR");
  work.git("remote", "add", "origin", origin);
  work.git("push", "-q", "origin", "main");
}, 60_000);
afterAll(async () => {
  await twin?.stop();
  scratch.cleanup();
});

describe("the HR sync workflow's command sequence", { timeout: 180_000 }, () => {
  it("a quiet run proposes nothing; the next quiet run asks the change feed once", async () => {
    const first = await runWorkflow();
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain("HR export unchanged: nothing to propose");
    twin.faults.resetLog();
    const second = await runWorkflow();
    expect(second.code, second.out).toBe(0);
    expect(second.out).toMatch(/no change in bamboohr since .*, 1 API call;/);
    expect(twin.faults.log().map((r) => r.path)).toEqual(["/api/v1/employees/changed"]);
    expect(ghLog()).toBe("");
  });

  it("an HR change opens one PR on one branch, its body the people summary; main's export is untouched", async () => {
    const before = exportAt("main");
    twin.store.terminate("E012", today);
    const run = await runWorkflow();
    expect(run.code, run.out).toBe(0);
    expect(exportAt("main")).toBe(before);
    expect(exportAt("idlc/hr-sync-demo")).toMatch(/\nE012,.*,terminated,/);
    expect(ghLog()).toMatch(/^pr list --head idlc\/hr-sync-demo .*\npr create --base main --head idlc\/hr-sync-demo /);
    const body = readFileSync(path.join(scratch.dir, "bin", "body-2.md"), "utf8");
    expect(body).toContain("0 joiners, 0 movers, 1 leaver");
    // When E012 was terminated in HR is a record, not a change to review: it is on main already, for audit metrics.
    const changedAt = new Date(twin.store.get("E012")!.changedAt).toISOString();
    expect(fileAt("main", "hr-terminations.yaml")).toContain(
      `employeeId: E012\n    terminationDate: ${today}\n` +
        `    terminatedInHr: ${changedAt}\n    from: bamboohr lastChanged`,
    );
  });

  it("the next change updates the same branch and PR instead of opening another", async () => {
    twin.store.upsert({
      employeeId: "E090",
      firstName: "Ines",
      lastName: "Moreau",
      workEmail: "ines.moreau@example.com",
      title: "Data Analyst",
      department: "Finance",
      location: "Paris",
      managerId: "E040",
      hireDate: today,
    });
    const run = await runWorkflow();
    expect(run.code, run.out).toBe(0);
    const branch = exportAt("idlc/hr-sync-demo");
    expect(branch).toMatch(/\nE012,.*,terminated,/);
    expect(branch).toMatch(/\nE090,Ines,Moreau,/);
    expect(ghLog().match(/^pr create/gm)).toHaveLength(1);
    expect(ghLog()).toMatch(/\npr edit 7 --body-file /);
    expect(readFileSync(path.join(scratch.dir, "bin", "body-4.md"), "utf8")).toContain("1 joiner, 0 movers, 1 leaver");
  });
});
