import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createProject, resourcesByName, type RunResult } from "./helpers/project";
import { checkpointSchemaErrors } from "./helpers/schema";
import { writeSpec } from "./helpers/spec";

/** Step ops in event order (resourcePreEvent), without `same`. */
const ops = (r: RunResult) =>
  r.events.flatMap((e) =>
    e.resourcePreEvent && e.resourcePreEvent.metadata.op !== "same"
      ? [`${e.resourcePreEvent.metadata.op} ${e.resourcePreEvent.metadata.urn.split("::").pop()}`]
      : [],
  );

describe("replacement", () => {
  const project = createProject("files");
  afterAll(() => project.cleanup());

  it("creates the replacement before deleting the old resource by default", async () => {
    writeSpec(project, { resources: [{ name: "a", content: "one" }] });
    await project.run("up");
    const oldId = resourcesByName(project.checkpoint()).a.id;
    writeSpec(project, { resources: [{ name: "a", content: "one", fileName: "a2.txt" }] });
    const preview = await project.run("preview");
    expect(preview.summary.resourceChanges).toMatchObject({ replace: 1 });
    const r = await project.run("up");
    expect(r.summary.resourceChanges).toEqual({ same: 2, replace: 1 });
    expect(ops(r)).toEqual(["replace a", "create-replacement a", "delete-replaced a"]);
    const a = resourcesByName(project.checkpoint()).a;
    expect(a.id).not.toBe(oldId);
    expect(a.delete).toBeUndefined();
    expect(existsSync(oldId)).toBe(false);
    expect(checkpointSchemaErrors(project.checkpoint())).toEqual([]);
  });

  it("deletes first when deleteBeforeReplace is set, together with dependents that would be replaced", async () => {
    writeSpec(project, {
      resources: [
        { name: "a", content: "one", fileName: "a2.txt", deleteBeforeReplace: true },
        { name: "b", content: "dep", fileNameFrom: "a" },
      ],
    });
    await project.run("up");
    writeSpec(project, {
      resources: [
        { name: "a", content: "one", fileName: "a3.txt", deleteBeforeReplace: true },
        { name: "b", content: "dep", fileNameFrom: "a" },
      ],
    });
    const r = await project.run("up");
    expect(r.result).toBe("succeeded");
    expect(ops(r)).toEqual(["replace a", "delete-replaced b", "delete-replaced a", "create-replacement a", "create b"]);
    expect(project.deletes().slice(-2)).toEqual(["b-3.txt", "a2.txt"]);
    expect(Object.keys(resourcesByName(project.checkpoint()))).toEqual(["files-dev", "default", "a", "b"]);
  });

  it("replaces when a replaceOnChanges property changes", async () => {
    writeSpec(project, { resources: [{ name: "c", content: "v1", replaceOnChanges: ["content"] }] });
    await project.run("up");
    writeSpec(project, { resources: [{ name: "c", content: "v2", replaceOnChanges: ["content"] }] });
    const r = await project.run("up");
    expect(r.summary.resourceChanges).toMatchObject({ replace: 1 });
  });
});

describe("resource options", () => {
  const project = createProject("files");
  afterAll(() => project.cleanup());

  it("ignoreChanges keeps the old value, aliases keep identity, additionalSecretOutputs encrypts outputs", async () => {
    writeSpec(project, {
      resources: [
        { name: "keep", content: "v1", ignoreChanges: ["content"] },
        { name: "old-name", content: "x", fileName: "renamed.txt" },
        { name: "tok", content: "t", additionalSecretOutputs: ["token"] },
      ],
    });
    await project.run("up");
    const tok = resourcesByName(project.checkpoint()).tok;
    expect(tok.outputs.token.ciphertext).toMatch(/^v1:/);
    expect(JSON.stringify(project.checkpoint())).not.toContain("tok-tok.txt");

    writeSpec(project, {
      resources: [
        { name: "keep", content: "v2", ignoreChanges: ["content"] },
        { name: "new-name", content: "x", fileName: "renamed.txt", aliases: [{ name: "old-name" }] },
        { name: "tok", content: "t", additionalSecretOutputs: ["token"] },
      ],
    });
    const r = await project.run("up");
    expect(r.summary.resourceChanges).toEqual({ same: 5 });
    const byName = resourcesByName(project.checkpoint());
    expect(byName.keep.inputs.content).toBe("v1");
    expect(byName["new-name"]).toBeDefined();
    expect(byName["old-name"]).toBeUndefined();
  });

  it("refuses to delete a protected resource and keeps state", async () => {
    writeSpec(project, { resources: [{ name: "guarded", content: "g", protect: true }] });
    await project.run("up");
    writeSpec(project, { resources: [] });
    const r = await project.run("up");
    expect(r.result).toBe("failed");
    expect(r.error?.message).toMatch(/protected/);
    expect(resourcesByName(project.checkpoint()).guarded).toBeDefined();
    expect(existsSync(`${project.outDir}/guarded.txt`)).toBe(true);
  });

  it("retainOnDelete drops the resource from state without deleting it", async () => {
    writeSpec(project, { resources: [{ name: "kept", content: "k", retainOnDelete: true }] });
    await project.run("up");
    writeSpec(project, { resources: [] });
    const r = await project.run("destroy");
    expect(r.result).toBe("failed"); // `guarded` from the previous test is still protected
    writeSpec(project, { resources: [{ name: "guarded", content: "g" }] });
    await project.run("up");
    const d = await project.run("destroy");
    expect(d.result).toBe("succeeded");
    expect(existsSync(`${project.outDir}/kept.txt`)).toBe(true);
    expect(project.deletes()).not.toContain("kept.txt");
  });
});
