/**
 * Every command chooses its stack the same way (engine/project `resolveStackName`): `--stack`, else `PULUMI_STACK`,
 * else the project's only stack; with several stacks and none named, a usage error (exit 2) listing them.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { demoProject, scratchDir } from "../gitops/project";

const bin = path.resolve(__dirname, "../../bin/idlc.js");
const scratch = scratchDir("idlc-stack-choice-");
afterAll(() => scratch.cleanup());

const project = demoProject(path.join(scratch.dir, "two"));
// A second stack whose HR export is missing: whichever command reads it says so, naming the file.
writeFileSync(
  path.join(project.dir, "stacks", "Pulumi.other.yaml"),
  "config:\n  identity:hr:\n    file: other/people.csv\n  identity:roles:\n    files: [demo/roles.yaml]\n",
);

function idlc(args: string[], env: Record<string, string> = {}) {
  const { PULUMI_STACK: _ignored, ...parent } = process.env;
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: project.dir,
    encoding: "utf8",
    env: { ...parent, NO_COLOR: "1", ...env },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const commands: Record<string, string[]> = {
  validate: ["validate"],
  diff: ["diff", "--from", "stacks/demo/people.csv"],
  codeowners: ["codeowners"],
};

describe.each(Object.entries(commands))("idlc %s", (_name, args) => {
  it("with two stacks and none named: exit 2 naming both", () => {
    const r = idlc(args);
    expect(r.out).toContain("stacks found: demo, other");
    expect(r.code).toBe(2);
  }, 120_000);

  it("PULUMI_STACK chooses the stack exactly as --stack does", () => {
    const byFlag = idlc([...args, "--stack", "other"]);
    const byEnv = idlc(args, { PULUMI_STACK: "other" });
    const demo = idlc([...args, "--stack", "demo"]);
    expect(byEnv).toEqual(byFlag);
    expect(byFlag.out).toContain("other/people.csv");
    expect(demo.out).not.toContain("other/people.csv");
    // --stack wins over PULUMI_STACK, as in the Pulumi CLI.
    expect(idlc([...args, "--stack", "demo"], { PULUMI_STACK: "other" })).toEqual(demo);
  }, 180_000);
});
