import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openBackend, validateDeployment, type DeploymentV3 } from "../../../engine/state";
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

async function seeded(names: string[]) {
  const project = tempProject();
  const backend = openBackend({ project, env: {} });
  const journal = backend.startUpdate("dev", { kind: "update", secretsProviders: SECRETS });
  for (const r of [stackResource(), providerResource(), ...names.map((n) => account(n))]) journal.upsert(r);
  const base = await journal.finish(finishOptions("succeeded", { create: names.length + 2 }));
  return { project, backend, base };
}

const valid = (d: DeploymentV3) => validateDeployment({ version: 3, deployment: d });

describe("journal → checkpoint", () => {
  it("orders touched resources first (upsert/same order), then untouched base resources, topologically valid", async () => {
    const { backend, base } = await seeded(["a", "b", "c"]);
    const run = backend.startUpdate("dev", { kind: "update", base, secretsProviders: SECRETS });
    run.upsert(account("d", "x", [accountUrn("c")]));
    run.same(accountUrn("b"));
    run.same("urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev");
    const out = await run.finish(finishOptions());
    // d needs its parent, provider and c first; then b and the stack as touched; then untouched a.
    expect(urnsOf(out)).toEqual(["p-dev", "default", "c", "d", "b", "a"]);
    expect(valid(out).valid).toBe(true);
  });

  it("keeps a replaced resource's old state as delete: true until removed", async () => {
    const { backend, base } = await seeded(["a"]);
    const run = backend.startUpdate("dev", { kind: "update", base, secretsProviders: SECRETS });
    run.upsert({ ...account("a"), delete: true });
    run.upsert({ ...account("a", "new title"), id: "id-a2" });
    run.remove(accountUrn("a"), { delete: true });
    const out = await run.finish(finishOptions());
    expect(urnsOf(out)).toEqual(["p-dev", "default", "a"]);
    expect(out.resources?.find((r) => r.urn === accountUrn("a"))?.id).toBe("id-a2");
  });

  it("a failed update keeps every old resource it did not delete, even undeclared ones", async () => {
    const { backend, base } = await seeded(["a", "b", "c"]);
    const run = backend.startUpdate("dev", { kind: "update", base, secretsProviders: SECRETS });
    run.upsert(account("a", "changed"));
    run.remove(accountUrn("c"));
    const out = await run.finish(finishOptions("failed"));
    expect(urnsOf(out)).toEqual(["p-dev", "default", "a", "b"]);
    expect(out.resources?.find((r) => r.urn === accountUrn("a"))?.inputs).toEqual({ title: "changed" });
    const history = await backend.listHistory("dev");
    expect(history.map((h) => h.result)).toEqual(["failed", "succeeded"]);
  });

  it("writes an interrupted replace (old state still delete: true) as a valid checkpoint", async () => {
    const { backend, base } = await seeded(["a"]);
    const run = backend.startUpdate("dev", { kind: "update", base, secretsProviders: SECRETS });
    run.upsert({ ...account("a"), delete: true });
    run.upsert(account("a", "new"));
    const out = await run.finish(finishOptions("failed"));
    expect(urnsOf(out)).toEqual(["p-dev", "default", "a", "a(delete)"]);
    expect(valid(out)).toEqual({ valid: true, errors: [] });
  });

  it("lists ops still open at finish as pending_operations, and a later run resolves them by deciding the URN", async () => {
    const { backend, base } = await seeded([]);
    const run = backend.startUpdate("dev", { kind: "update", base, secretsProviders: SECRETS });
    const done = await run.begin({ type: "creating", resource: account("a") });
    run.upsert(account("a"));
    run.end(done);
    await run.begin({ type: "creating", resource: account("b") });
    const out = await run.finish(finishOptions("failed"));
    expect(out.pending_operations).toEqual([{ type: "creating", resource: account("b") }]);
    expect(valid(out).valid).toBe(true);

    const loaded = await backend.loadDeployment("dev");
    expect(loaded.recoveredPendingOperations.map((p) => p.resource.urn)).toEqual([accountUrn("b")]);
    const next = backend.startUpdate("dev", { kind: "update", base: loaded.deployment, secretsProviders: SECRETS });
    next.upsert(account("b"));
    expect((await next.finish(finishOptions())).pending_operations).toBeUndefined();
  });

  it("shares one fsync among concurrent begins (group commit) and fsyncs before begin resolves", async () => {
    const { project, backend, base } = await seeded([]);
    const run = backend.startUpdate("dev", { kind: "update", base, secretsProviders: SECRETS });
    const ops = await Promise.all(
      Array.from({ length: 200 }, (_, i) => run.begin({ type: "creating", resource: account(`r${i}`) })),
    );
    expect(new Set(ops).size).toBe(200);
    expect(run.stats.syncs).toBeLessThan(10);
    const lines = readFileSync(join(project.dir, ".pulumi", "stacks", "p", "dev.journal.jsonl"), "utf8")
      .trim()
      .split("\n");
    expect(lines.filter((l) => JSON.parse(l).kind === "begin")).toHaveLength(200);
    await run.finish(finishOptions("failed"));
  });

  it("refuses to write a deployment that fails the integrity check, keeping the journal", async () => {
    const { project, backend, base } = await seeded([]);
    const run = backend.startUpdate("dev", { kind: "update", base, secretsProviders: SECRETS });
    run.upsert(account("a", "x", [accountUrn("missing")]));
    await expect(run.finish(finishOptions())).rejects.toThrow(/integrity failure.*SlackAccount::missing/);
    expect(readFileSync(join(project.dir, ".pulumi", "stacks", "p", "dev.journal.jsonl"), "utf8")).toContain(
      '"kind":"upsert"',
    );
  });

  it("refuses same() for a URN the base does not have, and any call after finish", async () => {
    const { backend, base } = await seeded([]);
    const run = backend.startUpdate("dev", { kind: "update", base, secretsProviders: SECRETS });
    expect(() => run.same(accountUrn("ghost"))).toThrow(/no live resource/);
    await run.finish(finishOptions());
    expect(() => run.upsert(account("a"))).toThrow(/already finished/);
  });
});
