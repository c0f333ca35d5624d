import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPassphraseSecretsManager } from "../../engine/secrets";
import { createProject, PASSPHRASE, resourcesByName } from "./helpers/project";
import { checkpointSchemaErrors } from "./helpers/schema";
import { writeSpec } from "./helpers/spec";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("secrets never reach state, history, backups or engine output in plain text", () => {
  const project = createProject("files");
  afterAll(() => project.cleanup());
  const API_KEY = "sk-live-4f9d2c1b";
  const SECRET_CONTENT = "hunter2-plaintext";
  const output: string[] = [];

  it("runs preview, up, an update and refresh with a secret config value, a secret input and a secret output", async () => {
    const secrets = await createPassphraseSecretsManager({ passphrase: PASSPHRASE });
    const config = { "files:apiKey": { secure: secrets.encrypt(API_KEY) } };
    const spec = {
      resources: [
        { name: "keyed", withApiKey: true },
        { name: "hidden", content: SECRET_CONTENT, secret: true },
        { name: "tok", content: "t", additionalSecretOutputs: ["token"] },
      ],
      outputs: { hiddenContent: "hidden.content", keyedContent: "keyed.content" },
    };
    writeSpec(project, spec, config, secrets.salt);
    for (const kind of ["preview", "up"] as const) {
      const r = await project.run(kind);
      expect(r.result).toBe("succeeded");
      output.push(JSON.stringify(r.events));
    }
    const ckpt = project.checkpoint();
    expect(checkpointSchemaErrors(ckpt)).toEqual([]);
    const byName = resourcesByName(ckpt);
    expect(byName.hidden.inputs.content.ciphertext).toMatch(/^v1:/);
    expect(byName.hidden.outputs.content.ciphertext).toMatch(/^v1:/);
    expect(byName.keyed.outputs.content.ciphertext).toMatch(/^v1:/);
    expect(byName.default.inputs["files:apiKey"].ciphertext).toMatch(/^v1:/);
    expect(byName["files-dev"].outputs.hiddenContent.ciphertext).toMatch(/^v1:/);
    expect(JSON.parse(secrets.decrypt(byName.hidden.outputs.content.ciphertext))).toBe(SECRET_CONTENT);
    // The program got the real values back (the provider wrote them).
    expect(readFileSync(join(project.outDir, "keyed.txt"), "utf8")).toBe(`key ${API_KEY}`);

    writeSpec(
      project,
      { ...spec, resources: [...spec.resources, { name: "more", content: "m" }] },
      config,
      secrets.salt,
    );
    output.push(JSON.stringify((await project.run("up")).events));
    output.push(JSON.stringify((await project.run("refresh")).events));
  });

  it("finds no plaintext anywhere under .pulumi or in the events", () => {
    const plaintexts = [API_KEY, SECRET_CONTENT, "tok-tok.txt"];
    const files = filesUnder(join(project.dir, ".pulumi"));
    expect(files.some((f) => f.includes("/history/"))).toBe(true);
    expect(files.some((f) => f.includes("/backups/"))).toBe(true);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const p of plaintexts) expect(text.includes(p), `${p} in ${file}`).toBe(false);
    }
    for (const text of output)
      for (const p of plaintexts) expect(text.includes(p), `${p} in engine events`).toBe(false);
  });
});
