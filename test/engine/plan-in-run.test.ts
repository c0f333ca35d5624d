/**
 * A targeted `up` judged in its own run (`planInRun`, what `idlc kill` uses): the program runs once, its provider
 * calls wait until the gate has judged the whole plan, and a refused or failed plan changes nothing and writes no
 * history — the same guarantees as the preview-then-update it replaces.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanSummary } from "../../engine";
import { createProject, resourcesByName } from "./helpers/project";
import { writeSpec } from "./helpers/spec";

describe("up judged in its own run (planInRun)", { timeout: 120_000 }, () => {
  const project = createProject("files");
  const content = (name: string) => readFileSync(join(project.outDir, `${name}.txt`), "utf8");
  const updates = () => project.historyFiles().filter((f) => f.endsWith(".history.json")).length;
  let urns: Record<string, string>;
  afterAll(() => project.cleanup());

  beforeAll(async () => {
    writeSpec(project, { resources: ["a", "b", "c"].map((name) => ({ name, content: name })) });
    expect((await project.run("up")).result).toBe("succeeded");
    urns = Object.fromEntries(Object.entries(resourcesByName(project.checkpoint())).map(([n, r]) => [n, r.urn]));
  });

  /** A targeted up of a and b, gated by `verdict`; counts the program runs through the per-run childEnv hook. */
  async function gatedUp(verdict: boolean, planInRun = true) {
    const plans: PlanSummary[] = [];
    let envCalls = 0;
    const target = [urns.a!, urns.b!];
    const r = await project.run("up", {
      target,
      planInRun: planInRun ? target : undefined,
      beforeApply: (plan) => (plans.push(plan), verdict),
      childEnv: () => (envCalls++, {}),
    });
    // One call for the plugins of the operation, one per program run.
    return { ...r, plans, programRuns: envCalls - 1, history: updates() };
  }

  it("refused: the program ran once, no provider call changed anything, no history, nothing shown", async () => {
    writeSpec(project, { resources: ["a", "b", "c"].map((name) => ({ name, content: `${name}2` })) });
    const before = updates();
    const r = await gatedUp(false);
    expect(r.result).toBe("cancelled");
    expect(r.programRuns).toBe(1);
    expect(r.plans.map((p) => p.steps.map((s) => `${s.op} ${s.urn.split("::").pop()}`).sort())).toEqual([
      ["update a", "update b"],
    ]);
    expect([content("a"), content("b")]).toEqual(["a", "b"]);
    expect(r.history).toBe(before);
    expect(r.events.filter((e) => e.resourcePreEvent)).toEqual([]);
  });

  it("passed: the judged plan is applied in the same run, recorded once in history", async () => {
    const before = updates();
    const r = await gatedUp(true);
    expect(r.result).toBe("succeeded");
    expect(r.programRuns).toBe(1);
    expect(r.plans).toHaveLength(1);
    expect([content("a"), content("b"), content("c")]).toEqual(["a2", "b2", "c"]);
    expect(r.history).toBe(before + 1);
    expect(r.events.filter((e) => e.resOutputsEvent).length).toBeGreaterThan(0);
  });

  it("without planInRun the same up previews first: two program runs", async () => {
    writeSpec(project, { resources: ["a", "b", "c"].map((name) => ({ name, content: `${name}3` })) });
    const r = await gatedUp(true, false);
    expect(r.result).toBe("succeeded");
    expect(r.programRuns).toBe(2);
  });

  it("a target failing to plan while another's change waits: nothing applied, the failure shown, no history", async () => {
    writeSpec(project, {
      resources: [
        { name: "a", content: "a4" },
        { name: "b", content: "b4", fileName: "bad/b.txt" },
        { name: "c", content: "c" },
      ],
    });
    const before = updates();
    const r = await gatedUp(true);
    expect(r.result).toBe("failed");
    expect(r.plans).toEqual([]);
    expect(content("a")).toBe("a3");
    expect(r.history).toBe(before);
    expect(JSON.stringify(r.events.filter((e) => e.diagnosticEvent))).toContain("must not contain '/'");
  });

  it("a replacement's delete, which runs after the program, is in the judged plan once (either replacement order)", async () => {
    writeSpec(project, {
      resources: [
        { name: "a", content: "a5", fileName: "a-renamed.txt" },
        { name: "b", content: "b5", fileName: "b-renamed.txt", dbr: true },
        { name: "c", content: "c" },
      ],
    });
    const r = await gatedUp(false);
    expect(r.result).toBe("cancelled");
    const deletes = r.plans.flatMap((p) => p.steps.filter((s) => s.op === "delete-replaced").map((s) => s.urn));
    expect(deletes.sort()).toEqual([urns.a!, urns.b!].sort());
    expect(r.plans[0]!.steps.find((s) => s.op === "delete-replaced")!.old?.inputs).toMatchObject({
      content: expect.any(String),
    });
    expect(content("a")).toBe("a3");
  });
});
