import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { PolicyEvent } from "../../engine";
import { createProject, resourcesByName, type RunResult } from "./helpers/project";
import { writeSpec } from "./helpers/spec";

const PACK = resolve(__dirname, "fixtures/policy-pack");
const policyEvents = (r: RunResult): PolicyEvent[] => r.events.flatMap((e) => (e.policyEvent ? [e.policyEvent] : []));

describe("policy packs", () => {
  const project = createProject("files");
  afterAll(() => project.cleanup());

  it("reports advisories, the unknown-during-preview advisory, and passes", async () => {
    writeSpec(project, {
      resources: [
        { name: "a", content: "ok", fileName: "a-very-long-name.txt" },
        { name: "b", contentFrom: "a" },
      ],
    });
    const r = await project.run("preview", { policyPacks: [PACK] });
    expect(r.result).toBe("succeeded");
    const events = policyEvents(r);
    expect(events).toContainEqual(
      expect.objectContaining({
        policyName: "short-file-names",
        enforcementLevel: "warning",
        policyPackName: "engine-test-policies",
      }),
    );
    expect(events.some((e) => /during preview/.test(e.message))).toBe(true);
  });

  it("fails the registration on a mandatory violation and keeps state", async () => {
    await project.run("up");
    writeSpec(project, { resources: [{ name: "a", content: "forbidden" }] });
    const r = await project.run("up", { policyPacks: [PACK] });
    expect(r.result).toBe("failed");
    expect(policyEvents(r)).toContainEqual(
      expect.objectContaining({ policyName: "no-forbidden-content", enforcementLevel: "mandatory" }),
    );
    const byName = resourcesByName(project.checkpoint());
    expect(byName.a.inputs.content).toBe("ok");
    expect(byName.b).toBeDefined();
  });

  it("runs stack policies after a successful update, with policy config", async () => {
    writeSpec(project, {
      resources: [
        { name: "a", content: "ok" },
        { name: "b", content: "b" },
      ],
    });
    const configFile = join(project.dir, "policy-config.json");
    writeFileSync(configFile, JSON.stringify({ "max-files": { max: 1 } }));
    const r = await project.run("up", { policyPacks: [PACK], policyPackConfigs: [configFile] });
    expect(r.result).toBe("succeeded");
    expect(policyEvents(r)).toContainEqual(
      expect.objectContaining({ policyName: "max-files", message: expect.stringContaining("more than 1") }),
    );
    const summary = r.events.find((e) => e.summaryEvent)!.summaryEvent!;
    expect(summary.policyPacks).toEqual({ "engine-test-policies": "0.1.0" });
  });
});
