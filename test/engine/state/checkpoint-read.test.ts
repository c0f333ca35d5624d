/**
 * A checkpoint file is parsed once per process while it is unchanged (engine/state/backend/store.ts): `idlc` reads
 * the stack before the engine loads it. A changed file — an update's atomic replace, an edit in place, even one
 * that keeps the size — must be read anew.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openBackend } from "../../../engine/state";
import { account, finishOptions, providerResource, SECRETS, stackResource, tempProject } from "./fixtures/resources";

async function update(backend: ReturnType<typeof openBackend>, title: string) {
  const journal = backend.startUpdate("dev", { kind: "update", secretsProviders: SECRETS });
  for (const r of [stackResource(), providerResource(), account("a", title)]) journal.upsert(r);
  await journal.finish(finishOptions("succeeded", { update: 1 }));
}

const titleOf = (exported: Awaited<ReturnType<ReturnType<typeof openBackend>["exportStack"]>>) =>
  exported.deployment.resources?.find((r) => r.urn.endsWith("::a"))?.inputs?.title;

describe("reading a checkpoint", () => {
  it("parses an unchanged file once, and reads it again after an update or an edit in place", async () => {
    const project = tempProject();
    const backend = openBackend({ project, env: {} });
    await update(backend, "first");
    const first = await backend.exportStack("dev");
    // Another reader in the same process (the engine's load after idlc's) gets the same parse.
    const again = await openBackend({ project, env: {} }).exportStack("dev");
    expect(again.deployment).toBe(first.deployment);
    expect((await backend.loadDeployment("dev")).deployment).toBe(first.deployment);

    await update(backend, "second");
    const updated = await backend.exportStack("dev");
    expect(updated.deployment).not.toBe(first.deployment);
    expect(titleOf(updated)).toBe("second");

    // Edited in place to the same length: same inode and size, a new modification time (past the file system's
    // timestamp granularity after the update wrote it: within it, an edit keeping the size is not seen).
    await new Promise((resolve) => setTimeout(resolve, 50));
    const file = join(project.dir, ".pulumi", "stacks", "p", "dev.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"title":"second"', '"title":"SECOND"'));
    expect(titleOf(await backend.exportStack("dev"))).toBe("SECOND");
  });
});
