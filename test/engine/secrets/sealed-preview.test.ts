/**
 * A sealed preview (`idlc preview`: RunOperationOptions.sealed) on the engine's files fixture: no passphrase in the
 * environment, config and state secrets left ciphertext, and the same plan as a preview that decrypts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSealedStackConfig, findProject } from "../../../engine/project";
import { createPassphraseSecretsManager, type SecretsManager } from "../../../engine/secrets";
import { createProject, PASSPHRASE, type RunResult } from "../helpers/project";
import { writeSpec } from "../helpers/spec";

const API_KEY = "sk-live-sealed-7c1e";
const noPassphrase = { PULUMI_CONFIG_PASSPHRASE: undefined, PULUMI_CONFIG_PASSPHRASE_FILE: undefined };

/** `op urn` of every step a run planned, in order of the events. */
const steps = (r: RunResult) =>
  r.events.flatMap((e) => {
    const m = e.resourcePreEvent?.metadata;
    return m ? [`${m.op} ${m.urn}`] : [];
  });

describe("a sealed preview", () => {
  const project = createProject("files");
  let secrets: SecretsManager;
  beforeAll(async () => {
    secrets = await createPassphraseSecretsManager({ passphrase: PASSPHRASE });
  });
  afterAll(() => project.cleanup());

  it("keeps config secrets as ciphertext and still lists their keys as secret", async () => {
    const config = { "files:apiKey": { secure: secrets.encrypt(API_KEY) } };
    writeSpec(project, { resources: [{ name: "a", content: "x" }] }, config, secrets.salt);
    const loaded = await loadSealedStackConfig(findProject(project.dir), project.stack);
    expect(JSON.parse(loaded.config["files:apiKey"]!)).toEqual({ secure: expect.stringMatching(/^v1:/) });
    expect(loaded.secretKeys).toEqual(["files:apiKey"]);
  });

  it("plans an unchanged stack with a secret config value and a secret output as unchanged", async () => {
    const config = { "files:apiKey": { secure: secrets.encrypt(API_KEY) } };
    const resources = [
      { name: "a", content: "x" },
      { name: "tok", content: "t", additionalSecretOutputs: ["token"] },
    ];
    writeSpec(project, { resources }, config, secrets.salt);
    expect((await project.run("up")).result).toBe("succeeded");
    const decrypting = await project.run("preview");
    const sealed = await project.run("preview", { sealed: true, env: noPassphrase });
    expect(sealed.result, String(sealed.error)).toBe("succeeded");
    expect(steps(sealed)).toEqual(steps(decrypting));
    expect(sealed.summary.resourceChanges).toEqual(decrypting.summary.resourceChanges);
    expect(Object.keys(sealed.summary.resourceChanges)).toEqual(["same"]);
    expect(JSON.stringify(sealed.events)).not.toContain(API_KEY);
  }, 120_000);

  it("without the option, a preview needs the passphrase (the engine decrypts, as the Pulumi CLI does)", async () => {
    const r = await project.run("preview", { env: noPassphrase }).catch((e: unknown) => e);
    expect(String(r)).toMatch(/PULUMI_CONFIG_PASSPHRASE/);
  }, 60_000);

  it("refuses a state whose resource inputs hold a secret: it could not compare them", async () => {
    const resources = [
      { name: "a", content: "x" },
      { name: "hidden", content: "h", secret: true },
    ];
    writeSpec(project, { resources }, {}, secrets.salt);
    expect((await project.run("up")).result).toBe("succeeded");
    const err = await project.run("preview", { sealed: true, env: noPassphrase }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/::hidden holds a secret input in state, which a preview without the pass/);
    expect((err as { fix?: string }).fix).toMatch(/IDLC_CREDENTIALS=write/);
  }, 120_000);
});
