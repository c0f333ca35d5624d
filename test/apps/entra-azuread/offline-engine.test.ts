import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runOperation } from "../../../engine";

const REPO = resolve(__dirname, "../../..");
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// A throwaway project from a fixture, sharing the repo's node_modules (one SDK, the installed @pulumi/azuread).
function project(fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), `idlc-${fixture}-`));
  dirs.push(dir);
  cpSync(join(__dirname, "fixtures", fixture), dir, { recursive: true });
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
  writeFileSync(join(dir, "Pulumi.dev.yaml"), "config: {}\n");
  return dir;
}
const run = (kind: "preview" | "up", cwd: string) =>
  runOperation({ kind, cwd, stack: "dev", env: { PULUMI_CONFIG_PASSPHRASE: "azuread-test" } });

describe("the offline engine and azuread mode", () => {
  it("refuses an azuread.User in preview, naming azuread and the Pulumi CLI", async () => {
    const result = await run("preview", project("azuread-user"));
    expect(result.result).toBe("failed");
    expect(result.error?.message).toMatch(/azuread:index\/user:User/);
    expect(result.error?.message).toMatch(/needs the Pulumi CLI and its azuread plugin/);
    expect((result.error as { fix?: string }).fix).toMatch(
      /`pulumi plugin install resource azuread`; for Entra, `identity:entra.mode: graph` works offline/,
    );
    expect(result.summary.resourceChanges.create ?? 0).toBe(1); // the stack itself; never the user
  });

  it("runs the AzureadAccount record (a component: nothing new to refuse) and keeps its spec in state", async () => {
    const dir = project("azuread-record");
    const result = await run("up", dir);
    expect(result.error).toBeUndefined();
    expect(result.result).toBe("succeeded");
    expect(result.summary.resourceChanges.create).toBe(2); // the stack and the record
    const state = JSON.parse(readFileSync(join(dir, ".pulumi/stacks/azuread-record/dev.json"), "utf8"));
    const record = state.checkpoint.latest.resources.find(
      (r: { type: string }) => r.type === "idlc:entra:AzureadAccount",
    );
    expect(record).toMatchObject({
      urn: "urn:pulumi:dev::azuread-record::idlc:entra:AzureadAccount::entra/E1001",
      custom: false,
    });
    expect(record.outputs).toMatchObject({
      employeeId: "E1001",
      employmentType: "contractor",
      endDate: "2027-03-31",
      lifecycle: "active",
    });
    expect(record.id).toBeUndefined();
  });
});
