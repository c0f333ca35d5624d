import { afterAll, describe, expect, it } from "vitest";
import { createProject, resourcesByName } from "./helpers/project";
import { checkpointSchemaErrors } from "./helpers/schema";

// ts-node compiles the program on every run, which is slow on a busy machine.
describe("a TypeScript program with a component", { timeout: 180_000 }, () => {
  const project = createProject("ts-components");
  afterAll(() => project.cleanup());

  it("runs through the SDK's ts-node; children are parented to the component with qualified URNs", async () => {
    project.writeConfig({});
    const r = await project.run("up");
    expect(r.result, r.error?.message).toBe("succeeded");
    expect(r.outputs).toEqual({ total: 18 });
    const ckpt = project.checkpoint();
    expect(checkpointSchemaErrors(ckpt)).toEqual([]);
    const byName = resourcesByName(ckpt);
    expect(byName.pair.outputs).toEqual({ total: 18 });
    expect(byName["pair-a"].urn).toBe(
      "urn:pulumi:dev::tscomp::tscomp:index:Pair$pulumi-nodejs:dynamic/tscomp:Counter::pair-a",
    );
    expect(byName["pair-a"].parent).toBe(byName.pair.urn);
    expect(byName.pair.id).toBeUndefined();
    expect(byName["pair-b"].dependencies).toContain(byName["pair-a"].urn);
  });

  it.each([
    ["resource", /aws:s3\/bucket:Bucket .*needs the Pulumi CLI/],
    ["stackref", /StackReference|needs the Pulumi CLI/],
  ])("refuses %s with a clear 'needs the Pulumi CLI' error and keeps state", async (kind, message) => {
    project.writeConfig({ "tscomp:unsupported": kind });
    const r = await project.run("up");
    expect(r.result).toBe("failed");
    const text = [r.error?.message, ...r.events.map((e) => e.diagnosticEvent?.message ?? "")].join("\n");
    expect(text).toMatch(message);
    expect(Object.keys(resourcesByName(project.checkpoint()))).toContain("pair-b");
  });
});
