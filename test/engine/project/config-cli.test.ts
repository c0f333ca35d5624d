import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProject } from "../../../engine/project";
import { openBackend } from "../../../engine/state";

const BIN = join(__dirname, "..", "..", "..", "bin", "idlc.js");

function idlc(cwd: string, args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input,
    env: { ...process.env, PULUMI_CONFIG_PASSPHRASE: "pw", ...env },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Each spawn starts the whole CLI through tsx (seconds on a loaded machine), so these tests spawn sparingly.
describe("idlc config / idlc history", () => {
  it("sets a secret from stdin, lists it masked, gets it decrypted, and keeps the file's comments", () => {
    const dir = mkdtempSync(join(tmpdir(), "idlc-cli-"));
    writeFileSync(join(dir, "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
    writeFileSync(join(dir, "Pulumi.dev.yaml"), "config:\n  # who we greet\n  greeting: hello\n");
    writeFileSync(join(dir, "Pulumi.prod.yaml"), "config: {}\n");

    expect(idlc(dir, ["config", "set", "--secret", "apiKey", "--stack", "dev"], "tok-123\n").code).toBe(0);
    const file = readFileSync(join(dir, "Pulumi.dev.yaml"), "utf8");
    expect(file).toMatch(/^encryptionsalt: v1:/);
    expect(file).toContain("  # who we greet\n  greeting: hello\n  p:apiKey:\n    secure: v1:");
    expect(file).not.toContain("tok-123");

    expect(idlc(dir, ["config", "--stack", "dev"]).out).toBe("KEY       VALUE\napiKey    [secret]\ngreeting  hello\n");
    expect(idlc(dir, ["config", "get", "apiKey", "--stack", "dev"]).out).toBe("tok-123\n");
    const missing = idlc(dir, ["config", "set", "k", "v"]);
    expect([missing.code, missing.err]).toEqual([1, expect.stringMatching(/which stack\? stacks found: dev, prod/)]);
  }, 180_000);

  it("lists history newest first, as text and as Pulumi's UpdateInfo JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "idlc-cli-"));
    writeFileSync(join(dir, "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
    writeFileSync(join(dir, "Pulumi.dev.yaml"), "config: {}\n");
    const backend = openBackend({ project: findProject(dir), env: {} });
    const run = backend.startUpdate("dev", { kind: "update", secretsProviders: { type: "passphrase" } });
    run.upsert({ urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", custom: false, type: "pulumi:pulumi:Stack" });
    const environment = {
      "git.head": "0123456789abcdef",
      "git.author": "Ada",
      "ci.system": "GitHub",
      "ci.build.url": "https://ci/run/1",
    };
    await run.finish({
      result: "succeeded",
      resourceChanges: { create: 1 },
      environment,
      config: {},
      startTime: 1_795_600_000,
    });
    const text = idlc(dir, ["history"]).out;
    expect(text).toMatch(
      /^#1 update succeeded {2}2026-\d\d-\d\dT[\d:]+Z {2}\(\d+[hms\d]*\)\n {4}changes: \+1\n {4}git: 0123456789ab by Ada\n {4}ci: GitHub https:\/\/ci\/run\/1\n$/,
    );
    const json = JSON.parse(idlc(dir, ["history", "--json", "--stack", "dev"]).out);
    expect(json).toEqual([
      expect.objectContaining({ kind: "update", result: "succeeded", startTime: 1_795_600_000, environment }),
    ]);
  }, 120_000);
});
