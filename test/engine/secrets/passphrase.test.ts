import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPassphraseSecretsManager, passphraseFromEnv, SecretsError } from "../../../engine/secrets";

// pulumi/pulumi:pkg/secrets/passphrase/manager_test.go
const PULUMI_VECTOR = "v1:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==";

describe("createPassphraseSecretsManager", () => {
  it("unlocks Pulumi's own test vector and re-encrypts with it", async () => {
    const sm = await createPassphraseSecretsManager({ passphrase: "password", salt: PULUMI_VECTOR });
    expect(sm.decrypt("v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==")).toBe("pulumi");
    expect(sm.secretsProviders).toEqual({ type: "passphrase", state: { salt: PULUMI_VECTOR } });
    expect(sm.decrypt(sm.encrypt('"hunter2"'))).toBe('"hunter2"');
  });

  it("rejects a wrong passphrase with a clear error", async () => {
    const err = await createPassphraseSecretsManager({ passphrase: "wrong", salt: PULUMI_VECTOR }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SecretsError);
    expect((err as SecretsError).code).toBe("SECRETS_PASSPHRASE_INCORRECT");
    expect((err as SecretsError).message).toMatch(/incorrect passphrase/);
  });

  it("makes a new salt whose check word another manager with the same passphrase accepts", async () => {
    const fresh = await createPassphraseSecretsManager({ passphrase: "s3cret" });
    expect(fresh.salt).toMatch(/^v1:[A-Za-z0-9+/=]{12}:v1:[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]+$/);
    const again = await createPassphraseSecretsManager({ passphrase: "s3cret", salt: fresh.salt });
    const ct = fresh.encrypt("tøp sécret");
    expect(ct).not.toContain("sécret");
    expect(again.decrypt(ct)).toBe("tøp sécret");
    expect(fresh.encrypt("x")).not.toBe(fresh.encrypt("x")); // fresh nonce each time
  });

  it("refuses to decrypt with another stack's key and names no plaintext", async () => {
    const a = await createPassphraseSecretsManager({ passphrase: "a" });
    const b = await createPassphraseSecretsManager({ passphrase: "a" }); // same phrase, different salt
    const ct = a.encrypt("token-123");
    expect(() => b.decrypt(ct)).toThrow(/could not be decrypted/);
    expect(() => b.decrypt("garbage")).toThrow(SecretsError);
  });

  it("rejects a malformed salt state", async () => {
    await expect(createPassphraseSecretsManager({ passphrase: "x", salt: "v2:abc" })).rejects.toThrow(/v1:<salt>/);
  });
});

describe("passphraseFromEnv", () => {
  it("prefers PULUMI_CONFIG_PASSPHRASE, even when empty", () => {
    expect(passphraseFromEnv({ PULUMI_CONFIG_PASSPHRASE: "p", PULUMI_CONFIG_PASSPHRASE_FILE: "/nope" })).toBe("p");
    expect(passphraseFromEnv({ PULUMI_CONFIG_PASSPHRASE: "" })).toBe("");
  });
  it("reads and trims the passphrase file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "idlc-pp-")), "phrase");
    writeFileSync(file, "  from-file\n");
    expect(passphraseFromEnv({ PULUMI_CONFIG_PASSPHRASE_FILE: file })).toBe("from-file");
  });
  it("names both variables when neither is set", () => {
    expect(() => passphraseFromEnv({})).toThrow(/PULUMI_CONFIG_PASSPHRASE nor PULUMI_CONFIG_PASSPHRASE_FILE/);
  });
  it("names the unreadable file", () => {
    expect(() => passphraseFromEnv({ PULUMI_CONFIG_PASSPHRASE_FILE: "/no/such/file" })).toThrow(/\/no\/such\/file/);
  });
});
