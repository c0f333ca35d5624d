/**
 * The sharded GitHub workflows (examples/github/shards-*.yml): one job per shard, directory shards first, one
 * apply per shard at a time, one merged comment — and they call only what `idlc shards list` really prints.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bin, root } from "../gitops/project";
import { examples, idlcCalls, readWorkflow } from "../gitops/workflow-files";

const apply = readWorkflow(path.join(examples, "shards-apply.yml"));
const preview = readWorkflow(path.join(examples, "shards-preview.yml"));
const passphrase = "${{ secrets.PULUMI_CONFIG_PASSPHRASE }}";
const tmp = mkdtempSync(path.join(tmpdir(), "idlc-shards-wf-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("examples/github/shards-apply.yml", () => {
  const jobs = apply.jobs as Record<string, any>;
  const applyJobs = ["apply-directories", "apply-phase-2", "apply-phase-3"];

  it("previews every shard, judges once, then applies phase after phase, directory shards first", () => {
    expect(Object.keys(jobs)).toEqual(["shards", "preview", "judge", ...applyJobs]);
    expect(jobs.preview.strategy.matrix.stack).toBe("${{ fromJSON(needs.shards.outputs.stacks) }}");
    expect(jobs.judge.needs).toBe("preview");
    expect(jobs["apply-directories"].needs).toEqual(["shards", "judge"]);
    expect(jobs["apply-phase-2"].needs).toContain("apply-directories");
    expect(jobs["apply-phase-3"].needs).toContain("apply-phase-2");
    applyJobs.forEach((name, i) => {
      expect(jobs[name].strategy.matrix.stack, name).toBe(`\${{ fromJSON(needs.shards.outputs.phase${i + 1}) }}`);
      // A failed shard never holds the others back, but nothing applies unless the judge approved the whole.
      expect(jobs[name].strategy["fail-fast"], name).toBe(false);
      if (i > 0) expect(jobs[name].if, name).toMatch(/!cancelled\(\) && needs\.judge\.result == 'success'/);
    });
  });

  it("applies each shard at most once at a time, with its own share of the approved deprovisions", () => {
    for (const name of applyJobs) {
      expect(jobs[name].concurrency, name).toEqual({
        group: "idlc-apply-${{ matrix.stack }}",
        "cancel-in-progress": false,
      });
      expect(jobs[name].env, name).toEqual({
        PULUMI_CONFIG_PASSPHRASE: passphrase,
        STACK: "${{ matrix.stack }}",
        ALLOW: "${{ fromJSON(needs.judge.outputs.allow)[matrix.stack] }}",
      });
      expect(jobs[name].environment, name).toBe("identity-prod");
    }
    expect(idlcCalls(apply)).toContainEqual({ command: "up", flags: ["--stack", "--yes", "--allow-deprovision"] });
    expect(idlcCalls(apply)).toContainEqual({
      command: "shards judge",
      flags: ["--deployment", "--events", "--allow-file"],
    });
    // Only the apply jobs decrypt: listing, previewing and judging hold no secret.
    for (const name of ["shards", "preview", "judge"])
      expect(JSON.stringify(jobs[name]), name).not.toMatch(/secrets\./);
  });
});

describe("examples/github/shards-preview.yml", () => {
  it("previews each shard in its own job and posts one merged comment, holding no secret", () => {
    const jobs = preview.jobs as Record<string, any>;
    expect(Object.keys(jobs)).toEqual(["shards", "preview", "comment"]);
    expect(jobs.comment.needs).toBe("preview");
    expect(JSON.stringify(preview)).not.toMatch(/secrets\.|PASSPHRASE/);
    expect(idlcCalls(preview).map((c) => c.command)).toEqual(["shards list", "preview", "shards judge"]);
  });
});

describe("what the workflows read from `idlc shards list --json`", () => {
  it("is a phases array of stack arrays, at most three phases for a split `shards plan` writes", () => {
    for (const name of ["Pulumi.yaml", "stacks"])
      cpSync(path.join(root, name), path.join(tmp, name), { recursive: true });
    const idlc = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: tmp, encoding: "utf8" });
    const planned = idlc("shards", "plan", "--stack", "demo", "--people-per-shard", "10");
    expect(planned.status, planned.stderr).toBe(0);
    expect(planned.stderr).toMatch(/wrote stacks\/Pulumi\.demo-apps-3\.yaml/);
    writeFileSync(path.join(tmp, "stacks", "Pulumi.other.yaml"), "config: {}\n");
    const listed = idlc("shards", "list", "--deployment", "demo", "--json");
    expect(listed.status, listed.stderr).toBe(0);
    const { phases } = JSON.parse(listed.stdout) as { phases: string[][] };
    expect(phases).toEqual([
      ["demo-directories-0"],
      ["demo-apps-0", "demo-directories-1", "demo-directories-2", "demo-directories-3"],
      ["demo-apps-1", "demo-apps-2", "demo-apps-3"],
    ]);
  });
});
