import { existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createProject, resourcesByName } from "./helpers/project";
import { writeSpec } from "./helpers/spec";

describe("refresh and --target", () => {
  const project = createProject("files");
  afterAll(() => project.cleanup());

  it("refresh reads drift into state and drops resources that are gone", async () => {
    writeSpec(project, {
      resources: [
        { name: "a", content: "orig" },
        { name: "b", content: "b" },
        { name: "c", content: "c" },
      ],
    });
    await project.run("up");
    writeFileSync(join(project.outDir, "a.txt"), "drifted!");
    unlinkSync(join(project.outDir, "b.txt"));
    const r = await project.run("refresh");
    expect(r.summary.resourceChanges).toEqual({ same: 3, update: 1, delete: 1 });
    const byName = resourcesByName(project.checkpoint());
    expect(byName.a.outputs.content).toBe("drifted!");
    expect(byName.a.outputs.size).toBe(8);
    expect(byName.b).toBeUndefined();
  });

  it("the next up repairs drift and recreates what refresh found gone", async () => {
    const r = await project.run("up");
    expect(r.summary.resourceChanges).toMatchObject({ update: 1, create: 1 });
    expect(readFileSync(join(project.outDir, "a.txt"), "utf8")).toBe("orig");
    expect(existsSync(join(project.outDir, "b.txt"))).toBe(true);
  });

  it("up --target changes only the targeted resource", async () => {
    writeSpec(project, {
      resources: [
        { name: "a", content: "new a" },
        { name: "b", content: "new b" },
      ],
    });
    const urnA = resourcesByName(project.checkpoint()).a.urn;
    const r = await project.run("up", { target: [urnA] });
    expect(r.result).toBe("succeeded");
    expect(r.summary.resourceChanges.update).toBe(1);
    expect(readFileSync(join(project.outDir, "a.txt"), "utf8")).toBe("new a");
    expect(readFileSync(join(project.outDir, "b.txt"), "utf8")).toBe("b");
    // c is no longer declared but was not targeted: it stays.
    expect(resourcesByName(project.checkpoint()).c).toBeDefined();
    expect(existsSync(join(project.outDir, "c.txt"))).toBe(true);
  });
});
