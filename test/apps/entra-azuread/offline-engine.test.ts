import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runOperation } from "../../../engine";

const REPO = resolve(__dirname, "../../..");

// A throwaway project from the fixture, sharing the repo's node_modules (one SDK, the installed @pulumi/azuread).
const dir = mkdtempSync(join(tmpdir(), "idlc-azuread-"));
cpSync(join(__dirname, "fixtures/azuread-user"), dir, { recursive: true });
symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
writeFileSync(join(dir, "Pulumi.dev.yaml"), "config: {}\n");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the offline engine and azuread mode", () => {
  it("refuses an azuread.User in preview, naming azuread and the Pulumi CLI", async () => {
    const result = await runOperation({ kind: "preview", cwd: dir, stack: "dev", env: { PULUMI_CONFIG_PASSPHRASE: "azuread-test" } });
    expect(result.result).toBe("failed");
    expect(result.error?.message).toMatch(/azuread:index\/user:User/);
    expect(result.error?.message).toMatch(/needs the Pulumi CLI and its azuread plugin/);
    expect((result.error as { fix?: string }).fix).toMatch(/`pulumi plugin install resource azuread`; for Entra, `identity:entra.mode: graph` works offline/);
    expect(result.summary.resourceChanges.create ?? 0).toBe(1); // the stack itself; never the user
  });
});
