import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createProject, resourcesByName } from "./helpers/project";
import { checkpointSchemaErrors } from "./helpers/schema";
import { writeSpec } from "./helpers/spec";

// One project walked through create → same → update → delete; each step checks events, outputs and state.
describe("create, same, update, delete on the files fixture", () => {
  const project = createProject("files");
  afterAll(() => project.cleanup());

  const base = [
    { name: "a", content: "hello" },
    { name: "b", contentFrom: "a" },
  ];

  it("previews creates without calling the provider, with unknown outputs", async () => {
    writeSpec(project, { resources: base, outputs: { aSize: "a.size", bContent: "b.content" } });
    const r = await project.run("preview");
    expect(r.result).toBe("succeeded");
    expect(r.summary.resourceChanges).toEqual({ create: 4 });
    expect(r.outputs.aSize).toBe("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
    expect(project.creates()).toEqual([]);
    expect(project.historyFiles()).toEqual([]);
  });

  it("creates resources, returns their outputs to the program and writes a valid checkpoint", async () => {
    const r = await project.run("up");
    expect(r.result).toBe("succeeded");
    expect(r.summary.resourceChanges).toEqual({ create: 4 });
    expect(r.outputs).toEqual({ aSize: 5, bContent: "a is 5 bytes" });
    expect(readFileSync(`${project.outDir}/b.txt`, "utf8")).toBe("a is 5 bytes");
    const ckpt = project.checkpoint();
    expect(checkpointSchemaErrors(ckpt)).toEqual([]);
    const byName = resourcesByName(ckpt);
    expect(Object.keys(byName)).toEqual(["files-dev", "default", "a", "b"]);
    expect(byName.b.dependencies).toEqual([byName.a.urn]);
    expect(byName.b.propertyDependencies.content).toEqual([byName.a.urn]);
    expect(byName.a.provider).toBe(`${byName.default.urn}::${byName.default.id}`);
    expect(byName["files-dev"].outputs).toEqual({ aSize: 5, bContent: "a is 5 bytes" });
    expect(byName.a.outputs.__provider).toMatch(/^exports.handler = __f0;/);
    const history = project.historyFiles().filter((f) => f.endsWith(".history.json"));
    expect(history).toHaveLength(1);
    const entry = JSON.parse(readFileSync(history[0]!, "utf8"));
    expect(entry).toMatchObject({ kind: "update", result: "succeeded", resourceChanges: { create: 4 } });
  });

  it("reports everything the same on a second up", async () => {
    const r = await project.run("up");
    expect(r.summary.resourceChanges).toEqual({ same: 4 });
    expect(project.creates()).toEqual(["a.txt", "b.txt"]);
  });

  it("updates a changed resource and its dependent, keeping ids", async () => {
    const before = resourcesByName(project.checkpoint());
    writeSpec(project, { resources: [{ name: "a", content: "hello world" }, base[1]!], outputs: { aSize: "a.size" } });
    const preview = await project.run("preview");
    expect(preview.summary.resourceChanges).toEqual({ same: 2, update: 2 });
    const r = await project.run("up");
    expect(r.summary.resourceChanges).toEqual({ same: 2, update: 2 });
    expect(r.outputs).toEqual({ aSize: 11 });
    const after = resourcesByName(project.checkpoint());
    expect(after.a.id).toBe(before.a.id);
    expect(after.a.created).toBe(before.a.created);
    expect(after.a.modified).not.toBe(before.a.modified);
    expect(readFileSync(`${project.outDir}/b.txt`, "utf8")).toBe("a is 11 bytes");
    expect(checkpointSchemaErrors(project.checkpoint())).toEqual([]);
  });

  it("deletes a resource the program no longer declares, after the program succeeds", async () => {
    writeSpec(project, { resources: [{ name: "a", content: "hello world" }] });
    const r = await project.run("up");
    expect(r.summary.resourceChanges).toEqual({ same: 3, delete: 1 });
    expect(project.deletes()).toEqual(["b.txt"]);
    expect(Object.keys(resourcesByName(project.checkpoint()))).toEqual(["files-dev", "default", "a"]);
  });

  it("keeps every old resource when the program fails", async () => {
    // c is created, d fails its provider check, so the program exits 32 and `a` (undeclared) must survive.
    writeSpec(project, {
      resources: [
        { name: "c", content: "new" },
        { name: "d", content: "x", fileName: "bad/name" },
      ],
    });
    const r = await project.run("up");
    expect(r.result).toBe("failed");
    expect(r.error?.message).toMatch(/fileName: must not contain/);
    expect(project.deletes()).toEqual(["b.txt"]);
    const names = Object.keys(resourcesByName(project.checkpoint()));
    expect(names).toEqual(expect.arrayContaining(["files-dev", "default", "a", "c"]));
    const entries = project.historyFiles().filter((f) => f.endsWith(".history.json"));
    expect(JSON.parse(readFileSync(entries.at(-1)!, "utf8")).result).toBe("failed");
  });

  it("reports an error the program throws at top level (Node's coloured inspect of SDK frames used to hang it)", async () => {
    const before = Object.keys(resourcesByName(project.checkpoint()));
    writeSpec(project, { resources: [{ name: "c", content: "new" }], fail: true });
    const r = await project.run("up");
    expect(r.result).toBe("failed");
    const diagnostics = r.events.flatMap((e) => (e.diagnosticEvent ? [e.diagnosticEvent.message] : [])).join("");
    expect(diagnostics).toContain("fixture program failed on purpose");
    expect(Object.keys(resourcesByName(project.checkpoint()))).toEqual(expect.arrayContaining(before));
  });

  it("shows why when the plan an up judges before applying fails, and applies nothing", async () => {
    writeSpec(project, {
      resources: [
        { name: "c", content: "new" },
        { name: "d", content: "x", fileName: "bad/name" },
      ],
    });
    let judged = false;
    const r = await project.run("up", { beforeApply: () => (judged = true) });
    expect(r.result).toBe("failed");
    expect(judged).toBe(false);
    const diagnostics = r.events.flatMap((e) => (e.diagnosticEvent ? [e.diagnosticEvent.message] : []));
    expect(diagnostics.join("")).toMatch(/fileName: must not contain/);
    expect(r.events.some((e) => e.resOutputsEvent)).toBe(false);
  });

  it("destroys everything in reverse dependency order", async () => {
    const r = await project.run("destroy");
    expect(r.result).toBe("succeeded");
    expect(project.checkpoint().checkpoint.latest.resources ?? []).toEqual([]);
    expect(project.deletes().sort()).toEqual(["a.txt", "b.txt", "c.txt"]);
  });
});
