import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProject, ProjectError, resolveStackName, stackConfigPath } from "../../../engine/project";

function projectDir(pulumiYaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), "idlc-proj-"));
  writeFileSync(join(dir, "Pulumi.yaml"), pulumiYaml);
  return dir;
}

describe("findProject", () => {
  it("searches upward and reads runtime, main, stackConfigDir and backend url", () => {
    const dir = projectDir(
      "name: identity\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: stacks/index.ts\nstackConfigDir: stacks\nbackend:\n  url: file://./state\n",
    );
    mkdirSync(join(dir, "stacks", "deep"), { recursive: true });
    const p = findProject(join(dir, "stacks", "deep"));
    expect(p).toMatchObject({
      dir,
      name: "identity",
      runtime: { name: "nodejs", options: { typescript: false } },
      main: "stacks/index.ts",
      stackConfigDir: join(dir, "stacks"),
      backendUrl: "file://./state",
    });
  });

  it("accepts the short runtime form and defaults main and stackConfigDir", () => {
    const dir = projectDir("name: p\nruntime: nodejs\n");
    expect(findProject(dir)).toMatchObject({
      runtime: { name: "nodejs", options: {} },
      main: ".",
      stackConfigDir: dir,
    });
  });

  it("names the file and field of an invalid Pulumi.yaml", () => {
    const dir = projectDir("name: p\n");
    expect(() => findProject(dir)).toThrow(/Pulumi\.yaml: runtime/);
  });

  it("says where it looked when there is no project", () => {
    const dir = mkdtempSync(join(tmpdir(), "idlc-noproj-"));
    const err = (() => {
      try {
        findProject(dir);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ProjectError);
    expect((err as ProjectError).code).toBe("PROJECT_NOT_FOUND");
  });
});

describe("resolveStackName", () => {
  it("uses the explicit name, then PULUMI_STACK, then the only stack file", () => {
    const dir = projectDir("name: p\nruntime: nodejs\n");
    const p = findProject(dir);
    expect(resolveStackName(p, "organization/p/dev", {})).toBe("dev");
    expect(() => resolveStackName(p, undefined, {})).toThrow(/which stack\? no Pulumi/);
    writeFileSync(join(dir, "Pulumi.dev.yaml"), "config: {}\n");
    expect(resolveStackName(p, undefined, {})).toBe("dev");
    expect(resolveStackName(p, undefined, { PULUMI_STACK: "prod" })).toBe("prod");
    writeFileSync(join(dir, "Pulumi.prod.yaml"), "config: {}\n");
    expect(() => resolveStackName(p, undefined, {})).toThrow(/dev, prod/);
    expect(stackConfigPath(p, "prod")).toBe(join(dir, "Pulumi.prod.yaml"));
    expect(() => resolveStackName(p, "bad name", {})).toThrow(/not a valid stack name/);
  });
});
