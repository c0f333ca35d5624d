import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../support/stored-provider";

const run = (args: string[]) =>
  new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    execFile(
      process.execPath,
      ["--require", "tsx/cjs", ...args],
      { cwd: repoRoot, timeout: 60_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve({ stdout, stderr })),
    );
  });

describe("Google and Entra resources as the engine registers them", () => {
  it("use idlc type tokens, mark initialPassword secret, and keep credentials out of __provider", async () => {
    const [secret, privateKey] = ["Client-Secret-In-Config-5150", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-not-a-real-key"];
    const { stdout } = await run(["test/apps/google/register-resources.child.ts", secret, privateKey]);
    const seen = JSON.parse(stdout) as Array<{ type: string; secretOutputs: string[]; object: string }>;
    const byType = Object.fromEntries(seen.map((s) => [s.type.replace("pulumi-nodejs:dynamic/idlc:", ""), s]));
    expect(Object.keys(byType).sort()).toEqual(["EntraAccount", "EntraGroup", "GoogleAccount", "GoogleGroup"]);
    expect(byType.GoogleAccount.secretOutputs).toEqual(["initialPassword"]);
    expect(byType.EntraAccount.secretOutputs).toEqual(["initialPassword"]);
    for (const s of seen) {
      expect(s.object).toContain("__provider");
      expect(s.object).not.toContain(secret);
      expect(s.object).not.toContain(privateKey);
    }
  }, 90_000);
});
