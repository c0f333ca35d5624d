/**
 * `up --continue-on-error` on the offline engine, as the Pulumi CLI does it: a failed step does not stop the others,
 * the resources depending on it are skipped (not created, or kept as they were), deletes still run except of what a
 * failed resource depends on, and the update still ends failed.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createProject, resourcesByName } from "./helpers/project";
import { checkpointSchemaErrors } from "./helpers/schema";
import { writeSpec } from "./helpers/spec";

const refuse = { refuse: true };
type Diagnostic = { urn?: string; message: string; severity: string };
const warnings = (events: Array<{ diagnosticEvent?: Diagnostic }>) =>
  events.flatMap(({ diagnosticEvent: d }) =>
    d?.severity === "warning" && d.urn ? [`${d.urn.split("::").pop()}: ${d.message.trim()}`] : [],
  );

describe("up --continue-on-error", { timeout: 120_000 }, () => {
  const project = createProject("files");
  afterAll(() => project.cleanup());

  it("applies everything independent of a failed create, skips its dependents, and still fails", async () => {
    writeSpec(project, {
      resources: [
        { name: "a", content: "a", extra: refuse },
        { name: "b", content: "b", dependsOn: ["a"] },
        { name: "d", content: "d", dependsOn: ["b"] },
        { name: "c", content: "c" },
      ],
    });
    const r = await project.run("up", { continueOnError: true });
    expect(r.result).toBe("failed");
    expect(r.error?.message).toContain("refused on purpose: a.txt");
    expect(existsSync(join(project.outDir, "c.txt"))).toBe(true);
    expect(project.creates()).toEqual(["c.txt"]);
    expect(warnings(r.events)).toEqual([
      "b: skipped: it depends on a, which failed or was skipped",
      "d: skipped: it depends on b, which failed or was skipped",
    ]);
    const ckpt = project.checkpoint();
    expect(checkpointSchemaErrors(ckpt)).toEqual([]);
    expect(Object.keys(resourcesByName(ckpt)).sort()).toEqual(["c", "default", "files-dev"]);
  });

  it("keeps a failed update's and its dependents' state, applies the rest and deletes but what it needs", async () => {
    writeSpec(project, {
      resources: [
        { name: "x", content: "x" },
        { name: "a", content: "a", dependsOn: ["x"] },
        { name: "b", content: "b", dependsOn: ["a"] },
        { name: "c", content: "c" },
        { name: "gone", content: "gone" },
      ],
    });
    expect((await project.run("up")).result).toBe("succeeded");
    writeSpec(project, {
      resources: [
        { name: "a", content: "a2", extra: refuse },
        { name: "b", content: "b2", dependsOn: ["a"] },
        { name: "c", content: "c2" },
      ],
    });
    const r = await project.run("up", { continueOnError: true });
    expect(r.result).toBe("failed");
    expect(r.summary.resourceChanges).toMatchObject({ update: 1, delete: 1 });
    expect(project.deletes()).toEqual(["gone.txt"]);
    const byName = resourcesByName(project.checkpoint());
    expect(byName.c.outputs.content).toBe("c2");
    expect(byName.a.inputs.content).toBe("a");
    expect(byName.b.inputs.content).toBe("b");
    // x is no longer declared, but the failed a (kept as it was) still depends on it: it stays.
    expect(Object.keys(byName).sort()).toEqual(["a", "b", "c", "default", "files-dev", "x"]);
    expect(checkpointSchemaErrors(project.checkpoint())).toEqual([]);
  });

  it("converges on the next run once the cause is fixed", async () => {
    const fixed = [
      { name: "a", content: "a2" },
      { name: "b", content: "b2", dependsOn: ["a"] },
      { name: "c", content: "c2" },
    ];
    writeSpec(project, { resources: fixed });
    const r = await project.run("up", { continueOnError: true });
    expect(r.result).toBe("succeeded");
    expect(r.summary.resourceChanges).toEqual({ same: 3, update: 2, delete: 1 });
  });

  it("without the flag, the first failure fails the update and nothing depending on it runs", async () => {
    const refused = [
      { name: "a", content: "a3", extra: refuse },
      { name: "b", content: "b3", dependsOn: ["a"] },
    ];
    writeSpec(project, { resources: refused });
    const r = await project.run("up");
    expect(r.result).toBe("failed");
    expect(resourcesByName(project.checkpoint()).b.inputs.content).toBe("b2");
  });
});
