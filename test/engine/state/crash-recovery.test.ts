import { spawn } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Project } from "../../../engine/project";
import { openBackend, validateDeployment, type Backend } from "../../../engine/state";
import {
  account,
  accountUrn,
  finishOptions,
  providerResource,
  SECRETS,
  stackResource,
  tempProject,
  urnsOf,
} from "./fixtures/resources";
import { validateEveryWrittenCheckpoint } from "./fixtures/validate-all";

validateEveryWrittenCheckpoint();

async function seed(project: Project, names: string[]): Promise<Backend> {
  const backend = openBackend({ project, env: {}, onWarning: () => undefined });
  const run = backend.startUpdate("dev", { kind: "update", secretsProviders: SECRETS });
  for (const r of [stackResource(), providerResource(), ...names.map((n) => account(n))]) run.upsert(r);
  await run.finish(finishOptions("succeeded", { create: names.length + 2 }));
  return backend;
}

function runUntilReadyThenKill(projectDir: string): Promise<NodeJS.Signals | null> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(__dirname, "fixtures", "crash-writer.ts"), projectDir],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) child.kill("SIGKILL");
    });
    child.on("exit", (_code, signal) => resolve(signal));
    child.on("error", reject);
  });
}

const paths = (project: Project) => ({
  journal: join(project.dir, ".pulumi", "stacks", "p", "dev.journal.jsonl"),
  checkpoint: join(project.dir, ".pulumi", "stacks", "p", "dev.json"),
});

describe("crash recovery from the journal", () => {
  it("replays a SIGKILLed run: completed mutations applied, begun-not-ended ops pending, nothing lost", async () => {
    const project = tempProject();
    await seed(project, ["a", "b", "c", "x"]);
    expect(await runUntilReadyThenKill(project.dir)).toBe("SIGKILL");
    expect(existsSync(paths(project).journal)).toBe(true);

    const warnings: string[] = [];
    const backend = openBackend({ project, env: {}, onWarning: (m) => warnings.push(m) });
    const loaded = await backend.loadDeployment("dev");
    const d = loaded.deployment!;
    expect(urnsOf(d)).toEqual(["p-dev", "default", "a", "b", "d", "c"]);
    expect(d.resources?.find((r) => r.urn === accountUrn("a"))?.inputs).toEqual({ title: "changed" });
    expect(d.resources?.find((r) => r.urn === accountUrn("c"))?.inputs).toEqual({ title: "engineer" });
    expect(loaded.recoveredPendingOperations.map((p) => [p.type, p.resource.urn.split("::").pop()])).toEqual([
      ["updating", "c"],
      ["creating", "e"],
    ]);
    expect(d.pending_operations).toEqual(loaded.recoveredPendingOperations);
    expect(warnings).toEqual([expect.stringMatching(/recovered an interrupted update .* 2 operation/)]);

    // The recovered checkpoint is on disk, valid, and the journal is gone.
    expect(existsSync(paths(project).journal)).toBe(false);
    const written = JSON.parse(readFileSync(paths(project).checkpoint, "utf8"));
    expect(validateDeployment({ version: written.version, deployment: written.checkpoint.latest })).toEqual({
      valid: true,
      errors: [],
    });
    const [latest] = await backend.listHistory("dev");
    expect(latest).toMatchObject({ kind: "update", result: "failed", message: expect.stringMatching(/interrupted/) });

    // A second load finds the same pending operations in the checkpoint itself.
    expect((await backend.loadDeployment("dev")).recoveredPendingOperations).toHaveLength(2);
    // The dead child's lock is stale and is cleared on the next lock.
    const unlock = await backend.lock("dev");
    await unlock();
  });

  it("drops a torn last line and keeps everything before it", async () => {
    const project = tempProject();
    const backend = await seed(project, ["a"]);
    const { deployment } = await backend.loadDeployment("dev");
    const run = backend.startUpdate("dev", { kind: "update", base: deployment, secretsProviders: SECRETS });
    run.upsert(account("b"));
    await run.flush(); // then "crash": finish is never called
    appendFileSync(paths(project).journal, '{"kind":"upsert","resource":{"urn":"urn:pulumi:dev::p::x::tor');
    const loaded = await openBackend({ project, env: {}, onWarning: () => undefined }).loadDeployment("dev");
    expect(urnsOf(loaded.deployment)).toEqual(["p-dev", "default", "b", "a"]);
    expect(loaded.recoveredPendingOperations).toEqual([]);
  });

  it("writes each serialized provider text once and restores it on replay", async () => {
    const project = tempProject();
    const backend = await seed(project, []);
    const { deployment } = await backend.loadDeployment("dev");
    const closure = `exports.handler = __f0;\n${"var x = 1;\n".repeat(100)}`;
    const withProvider = (n: string) => {
      const r = account(n);
      return { ...r, inputs: { ...r.inputs, __provider: closure }, outputs: { ...r.outputs, __provider: closure } };
    };
    const run = backend.startUpdate("dev", { kind: "update", base: deployment, secretsProviders: SECRETS });
    await run.begin({ type: "creating", resource: withProvider("a") });
    run.upsert(withProvider("a"));
    run.upsert(withProvider("b"));
    await run.flush();
    expect(readFileSync(paths(project).journal, "utf8").split("var x = 1;").length - 1).toBe(100);
    const loaded = await openBackend({ project, env: {}, onWarning: () => undefined }).loadDeployment("dev");
    expect(loaded.deployment?.resources?.find((r) => r.urn === accountUrn("b"))).toEqual(withProvider("b"));
    expect(loaded.recoveredPendingOperations[0]?.resource).toEqual(withProvider("a"));
  });

  it("removes the journal of a run that had already written its checkpoint", async () => {
    const project = tempProject();
    const backend = await seed(project, ["a"]);
    const before = readFileSync(paths(project).checkpoint, "utf8");
    const time = JSON.parse(before).checkpoint.latest.manifest.time as string;
    writeFileSync(
      paths(project).journal,
      [
        { kind: "start", version: 1, operation: "update", startTime: 1, baseTime: null },
        { kind: "upsert", resource: account("zzz") },
        { kind: "commit", time },
      ]
        .map((r) => JSON.stringify(r))
        .join("\n") + "\n",
    );
    const loaded = await backend.loadDeployment("dev");
    expect(urnsOf(loaded.deployment)).toEqual(["p-dev", "default", "a"]);
    expect(existsSync(paths(project).journal)).toBe(false);
    expect(readFileSync(paths(project).checkpoint, "utf8")).toBe(before);
  });

  it("refuses a journal written against another checkpoint, and a second update while one is unrecovered", async () => {
    const project = tempProject();
    const backend = await seed(project, ["a"]);
    writeFileSync(
      paths(project).journal,
      JSON.stringify({
        kind: "start",
        version: 1,
        operation: "update",
        startTime: 1,
        baseTime: "1999-01-01T00:00:00Z",
      }) + "\n",
    );
    expect(() => backend.startUpdate("dev", { kind: "update", secretsProviders: SECRETS })).toThrow(/did not finish/);
    await expect(backend.loadDeployment("dev")).rejects.toThrow(/written against the checkpoint of 1999/);
  });
});
