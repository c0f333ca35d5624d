import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProject, loadStackConfig, openStackSecrets, setStackConfigValue } from "../../../engine/project";
import { createPassphraseSecretsManager } from "../../../engine/secrets";

function project(stackYaml?: string) {
  const dir = mkdtempSync(join(tmpdir(), "idlc-cfg-"));
  writeFileSync(
    join(dir, "Pulumi.yaml"),
    "name: p\nruntime: nodejs\nconfig:\n  region:\n    default: eu\n  p:mode: fast\n",
  );
  if (stackYaml !== undefined) writeFileSync(join(dir, "Pulumi.dev.yaml"), stackYaml);
  return { dir, p: findProject(dir), file: join(dir, "Pulumi.dev.yaml") };
}

describe("loadStackConfig", () => {
  it("namespaces bare keys, keeps others, stringifies structured values and applies project defaults", async () => {
    const { p } = project(
      "config:\n  greeting: hello\n  aws:region: us-west-2\n  p:count: 3\n  p:flag: true\n  p:obj:\n    a: 1\n    b: [x, y]\n  region: us\n",
    );
    const cfg = await loadStackConfig(p, "dev");
    expect(cfg.config).toEqual({
      "p:greeting": "hello",
      "aws:region": "us-west-2",
      "p:count": "3",
      "p:flag": "true",
      "p:obj": '{"a":1,"b":["x","y"]}',
      "p:region": "us",
      "p:mode": "fast",
    });
    expect(cfg.secretKeys).toEqual([]);
    expect(cfg.encryptionSalt).toBeUndefined();
  });

  it("decrypts top-level and nested secure values and reports their keys as secret", async () => {
    const sm = await createPassphraseSecretsManager({ passphrase: "pw" });
    const { p, file } = project(
      `encryptionsalt: ${sm.salt}\nconfig:\n  p:token:\n    secure: ${sm.encrypt("tok-1")}\n  p:slack:\n    baseUrl: http://x\n    auth:\n      token:\n        secure: ${sm.encrypt("tok-2")}\n  p:plain: v\n`,
    );
    const cfg = await loadStackConfig(p, "dev", sm);
    expect(cfg.config["p:token"]).toBe("tok-1");
    expect(JSON.parse(cfg.config["p:slack"]!)).toEqual({ baseUrl: "http://x", auth: { token: "tok-2" } });
    expect(cfg.secretKeys).toEqual(["p:slack", "p:token"]);
    expect(cfg.encryptionSalt).toBe(sm.salt);
    await expect(loadStackConfig(p, "dev")).rejects.toThrow(new RegExp(`${file}: config key p:token is a secret`));
  });

  it("treats a missing stack file as empty config", async () => {
    const { p } = project();
    expect((await loadStackConfig(p, "dev")).config).toEqual({ "p:region": "eu", "p:mode": "fast" });
  });

  it("names the file when the YAML is broken", async () => {
    const { p, file } = project("config: [unclosed\n");
    await expect(loadStackConfig(p, "dev")).rejects.toThrow(file);
  });
});

describe("setStackConfigValue", () => {
  it("keeps comments and key order, namespaces the key, and updates a bare key in place", async () => {
    const { p, file } = project(
      "# stack for the demo\nconfig:\n  # who we greet\n  greeting: hello # inline\n  p:z: last\n",
    );
    await setStackConfigValue(p, "dev", "greeting", "bonjour");
    await setStackConfigValue(p, "dev", "other:key", "42");
    const text = readFileSync(file, "utf8");
    expect(text).toBe(
      '# stack for the demo\nconfig:\n  # who we greet\n  greeting: bonjour # inline\n  p:z: last\n  other:key: "42"\n',
    );
    expect((await loadStackConfig(p, "dev")).config["other:key"]).toBe("42");
  });

  it("writes encryptionsalt when it first needs one and a secure value that decrypts", async () => {
    const { p, file } = project("config:\n  p:a: b\n");
    const sm = await openStackSecrets(p, "dev", { passphrase: "pw", persist: false });
    await setStackConfigValue(p, "dev", "apiKey", "s3cr3t-value", { secret: true, secrets: sm });
    const text = readFileSync(file, "utf8");
    expect(text.startsWith(`encryptionsalt: ${sm.salt}\n`)).toBe(true);
    expect(text).not.toContain("s3cr3t-value");
    expect(text).toMatch(/p:apiKey:\n    secure: v1:/);
    const reopened = await openStackSecrets(p, "dev", { passphrase: "pw" });
    expect(reopened.salt).toBe(sm.salt);
    const cfg = await loadStackConfig(p, "dev", reopened);
    expect(cfg).toMatchObject({ config: { "p:apiKey": "s3cr3t-value", "p:a": "b" }, secretKeys: ["p:apiKey"] });
    await expect(openStackSecrets(p, "dev", { passphrase: "other" })).rejects.toThrow(/incorrect passphrase/);
  });

  it("creates the stack file and refuses a secret without a secrets manager", async () => {
    const { p, file } = project();
    await expect(setStackConfigValue(p, "dev", "k", "v", { secret: true })).rejects.toThrow(/passphrase/);
    await setStackConfigValue(p, "dev", "k", "v");
    expect(readFileSync(file, "utf8")).toBe("config:\n  p:k: v\n");
  });

  it("turns an empty flow-style `config: {}` into block style", async () => {
    const { p, file } = project("config: {}\n");
    await setStackConfigValue(p, "dev", "k", "v");
    expect(readFileSync(file, "utf8")).toBe("config:\n  p:k: v\n");
  });

  it("persists a new salt on open so later runs share it", async () => {
    const { p, file } = project("config: {}\n");
    const sm = await openStackSecrets(p, "dev", { passphrase: "pw" });
    expect(readFileSync(file, "utf8")).toContain(`encryptionsalt: ${sm.salt}`);
    const other = await createPassphraseSecretsManager({ passphrase: "pw" });
    await expect(loadStackConfig(p, "dev", other)).rejects.toThrow(/another encryptionsalt/);
  });
});
