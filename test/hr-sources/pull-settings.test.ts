/**
 * `identity:hr.source` and the credential as a user sets them: the credential as a stack secret (never in plain
 * text), strict vendor settings, and the fast lane off unless the stack turns it on.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hrProject, type HrProject } from "./project";

let p: HrProject;
let stackText: string;
beforeAll(async () => {
  p = await hrProject("bamboohr");
  stackText = readFileSync(p.stackFile, "utf8");
}, 60_000);
afterAll(() => p?.stop());

/** The stack file with its `source:` block replaced (and fastLane kept or dropped). */
function setSource(lines: string[], fastLane = true): void {
  const replaced = stackText.replace(
    / {4}source:\n(?: {6}.*\n)+ {4}fastLane: leavers\n/,
    [...lines, ...(fastLane ? ["    fastLane: leavers"] : []), ""].join("\n"),
  );
  writeFileSync(p.stackFile, replaced);
}

describe("idlc hr pull settings", { timeout: 120_000 }, () => {
  it("reads the credential from the stack secret identity:hrCredential (set on stdin, stored encrypted)", async () => {
    setSource(["    source:", "      vendor: bamboohr", `      url: ${p.twin.url}`]);
    const missing = await p.idlc(["hr", "pull", "--stack", "demo", "--check"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("identity:hrCredential is not set for this stack");
    const set = await new Promise<number>((resolve) => {
      const { spawn } = require("node:child_process") as typeof import("node:child_process");
      const child = spawn(
        process.execPath,
        [require.resolve("../../bin/idlc.js"), "config", "set", "--secret", "identity:hrCredential", "--stack", "demo"],
        {
          cwd: p.dir,
          env: { ...process.env, PULUMI_CONFIG_PASSPHRASE: "idlc-demo" },
          stdio: ["pipe", "ignore", "inherit"],
        },
      );
      child.stdin.end(`${p.twin.token}\n`);
      child.on("close", (code: number) => resolve(code));
    });
    expect(set).toBe(0);
    expect(readFileSync(p.stackFile, "utf8")).not.toContain(p.twin.token);
    const pulled = await p.idlc(["hr", "pull", "--stack", "demo", "--check"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toContain("bamboohr: 40 people");
  });

  it("refuses a credential written in plain text", async () => {
    writeFileSync(
      p.stackFile,
      readFileSync(p.stackFile, "utf8").replace(/\n  identity:hrCredential:\n(?: {4}.*\n)+/, "\n") +
        `  identity:hrCredential: ${p.twin.token}\n`,
    );
    const run = await p.idlc(["hr", "pull", "--stack", "demo", "--check"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("identity:hrCredential is stored in plain text");
    expect(run.stderr).not.toContain(p.twin.token);
  });

  it("names an unknown vendor or setting as a config error", async () => {
    setSource(["    source:", "      vendor: gusto", "      sandbox: true"]);
    const run = await p.idlc(["hr", "pull", "--stack", "demo"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/identity:hr\.source\.vendor: /);
    setSource(["    source:", "      vendor: hibob", "      sandbox: true", "      companyDomain: acme"]);
    expect((await p.idlc(["hr", "pull", "--stack", "demo"])).stderr).toMatch(/identity:hr\.source: .*companyDomain/);
  });

  it("--apply-leavers is a usage error (exit 2) unless identity:hr.fastLane is leavers", async () => {
    setSource(["    source:", "      vendor: bamboohr", "      sandbox: true"], false);
    const run = await p.idlc(["hr", "pull", "--stack", "demo", "--apply-leavers"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Set identity:hr.fastLane: leavers");
  });
});
