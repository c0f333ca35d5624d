import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manifestMagic, openBackend, parseCheckpoint, validateDeployment } from "../../../engine/state";
import {
  account,
  finishOptions,
  providerResource,
  SECRETS,
  stackResource,
  tempProject,
  urnsOf,
} from "./fixtures/resources";
import { validateEveryWrittenCheckpoint } from "./fixtures/validate-all";

validateEveryWrittenCheckpoint();

function validate(file: string) {
  const parsed = JSON.parse(readFileSync(file, "utf8"));
  return validateDeployment({ version: parsed.version, deployment: parsed.checkpoint.latest });
}

describe("diy backend layout", () => {
  it("writes meta.yaml, the compact v3 checkpoint, .bak, history, backups, and removes journal and lock", async () => {
    const project = tempProject();
    const backend = openBackend({ project, env: {} });
    const root = join(project.dir, ".pulumi");
    expect(backend.root).toBe(root);

    for (const title of ["engineer", "manager"]) {
      const unlock = await backend.lock("dev");
      const { deployment } = await backend.loadDeployment("dev");
      const journal = backend.startUpdate("dev", { kind: "update", base: deployment, secretsProviders: SECRETS });
      journal.upsert(stackResource());
      journal.upsert(providerResource());
      journal.upsert(account("a", title));
      await journal.finish(finishOptions("succeeded", { create: 3 }));
      await unlock();
    }

    expect(readFileSync(join(root, "meta.yaml"), "utf8")).toBe("version: 1\n");
    const checkpointFile = join(root, "stacks", "p", "dev.json");
    const text = readFileSync(checkpointFile, "utf8");
    expect(text).not.toContain("\n");
    const ckpt = JSON.parse(text);
    expect(ckpt.version).toBe(3);
    expect(ckpt.checkpoint.stack).toBe("organization/p/dev");
    expect(Object.keys(ckpt.checkpoint.latest)).toEqual(["manifest", "secrets_providers", "resources"]);
    expect(ckpt.checkpoint.latest.manifest.magic).toBe(manifestMagic(ckpt.checkpoint.latest.manifest.version));
    expect(ckpt.checkpoint.latest.secrets_providers).toEqual(SECRETS);
    expect(urnsOf(ckpt.checkpoint.latest)).toEqual(["p-dev", "default", "a"]);
    expect(validate(checkpointFile)).toEqual({ valid: true, errors: [] });

    // .bak holds the previous checkpoint
    const bak = parseCheckpoint(readFileSync(`${checkpointFile}.bak`, "utf8"), "bak");
    expect(bak.deployment?.resources?.[2]?.inputs).toEqual({ title: "engineer" });

    const history = readdirSync(join(root, "history", "p", "dev")).sort();
    expect(history).toHaveLength(5);
    // The tamper-evidence chain (`idlc audit verify`) covers both updates.
    expect(
      readFileSync(join(root, "history", "p", "dev", "chain.jsonl"), "utf8")
        .trim()
        .split("\n"),
    ).toHaveLength(2);
    expect(history.filter((f) => /^dev-\d{19}\.history\.json$/.test(f))).toHaveLength(2);
    expect(history.filter((f) => /^dev-\d{19}\.checkpoint\.json$/.test(f))).toHaveLength(2);
    for (const f of history.filter((n) => n.endsWith(".checkpoint.json"))) {
      expect(validate(join(root, "history", "p", "dev", f)).valid).toBe(true);
    }
    const backups = readdirSync(join(root, "backups", "p", "dev"));
    expect(backups.filter((f) => /^dev\.\d{19}\.json$/.test(f))).toHaveLength(2);

    expect(existsSync(join(root, "stacks", "p", "dev.journal.jsonl"))).toBe(false);
    expect(readdirSync(join(root, "locks", "organization", "p", "dev"))).toEqual([]);
  });

  it("honours PULUMI_BACKEND_URL, then Pulumi.yaml backend.url, and skips backups when disabled", async () => {
    const project = tempProject();
    const elsewhere = join(project.dir, "elsewhere");
    const fromEnv = openBackend({
      project,
      env: { PULUMI_BACKEND_URL: `file://${elsewhere}`, PULUMI_DIY_BACKEND_DISABLE_CHECKPOINT_BACKUPS: "true" },
    });
    expect(fromEnv.root).toBe(join(elsewhere, ".pulumi"));
    const journal = fromEnv.startUpdate("dev", { kind: "update", secretsProviders: SECRETS });
    journal.upsert(stackResource());
    await journal.finish(finishOptions());
    expect(existsSync(join(elsewhere, ".pulumi", "stacks", "p", "dev.json"))).toBe(true);
    expect(existsSync(join(elsewhere, ".pulumi", "backups"))).toBe(false);

    expect(openBackend({ project: { ...project, backendUrl: "file://./state" }, env: {} }).root).toBe(
      join(project.dir, "state", ".pulumi"),
    );
    expect(() => openBackend({ project, env: { PULUMI_BACKEND_URL: "s3://bucket" } })).toThrow(/not a file:\/\/ URL/);
  });

  it("reads an indented checkpoint written by an older CLI and exports it", async () => {
    const project = tempProject();
    const dir = join(project.dir, ".pulumi", "stacks", "p");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(project.dir, ".pulumi", "meta.yaml"), "version: 1\n");
    const latest = {
      manifest: { time: "2024-01-01T00:00:00Z", magic: manifestMagic("3.100.0"), version: "3.100.0" },
      resources: [stackResource()],
    };
    writeFileSync(
      join(dir, "dev.json"),
      JSON.stringify({ version: 3, checkpoint: { stack: "organization/p/dev", latest } }, null, 4),
    );
    const backend = openBackend({ project, env: {} });
    const loaded = await backend.loadDeployment("dev");
    expect(urnsOf(loaded.deployment)).toEqual(["p-dev"]);
    expect(await backend.exportStack("dev")).toEqual({ version: 3, deployment: latest });
    expect((await backend.exportStack("other")).deployment.manifest.magic).toBe("");
  });

  it("refuses the legacy layout (stacks without meta.yaml)", async () => {
    const project = tempProject();
    mkdirSync(join(project.dir, ".pulumi", "stacks"), { recursive: true });
    writeFileSync(join(project.dir, ".pulumi", "stacks", "dev.json"), "{}");
    await expect(openBackend({ project, env: {} }).lock("dev")).rejects.toThrow(/layout version 0/);
  });
});
