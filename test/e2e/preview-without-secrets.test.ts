/**
 * Issue 19: a pull-request preview holds no secret. After an `up` made with the passphrase and the sandbox's
 * credentials (Slack's as a real stack secret), a preview with neither gives the same plan and PR comment, and a
 * program that goes looking for credentials in its environment, its config and the state finds only ciphertext.
 */
import { copyFileSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxDir } from "../../sandbox";
import { demoDir, identityProject, setPerson, type IdentityProject } from "./harness";

const PASSPHRASE = "idlc-demo";
const noSecrets = { PULUMI_CONFIG_PASSPHRASE: undefined, PULUMI_CONFIG_PASSPHRASE_FILE: undefined };

let p: IdentityProject;
let sandboxFile: string;
let baseExport: string;
/** Every credential the sandbox holds, and the passphrase: none may reach a preview. */
let secrets: string[];

/** The planned steps of a `--json` preview: op and URN of every resource event, in a stable order. */
const stepsOf = (jsonLines: string) =>
  jsonLines.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l)).filter((e) => e.resourcePreEvent)
    .map((e) => `${e.resourcePreEvent.metadata.op} ${e.resourcePreEvent.metadata.urn}`).sort();

const hideSandbox = () => renameSync(sandboxFile, `${sandboxFile}.hidden`);
const showSandbox = () => renameSync(`${sandboxFile}.hidden`, sandboxFile);

beforeAll(async () => {
  p = await identityProject();
  sandboxFile = path.join(sandboxDir(p.dir), "sandbox.json");
  const sandbox = JSON.parse(readFileSync(sandboxFile, "utf8")) as { apps: Record<string, { url: string; token: string; extra?: Record<string, string> }> };
  secrets = [PASSPHRASE, ...Object.values(sandbox.apps).flatMap((a) => [a.token, ...Object.entries(a.extra ?? {})
    .filter(([k]) => /secret|password|key/i.test(k)).map(([, v]) => v)])];
  // Slack's credentials as a production stack holds them: a secret in the stack file, not the sandbox's file.
  const slack = JSON.stringify({ baseUrl: sandbox.apps.slack!.url, token: sandbox.apps.slack!.token });
  await p.ok(["config", "set", "--stack", "demo", "--secret", "identity:slack", slack]);
  await p.ok(["up", "--stack", "demo", "--yes"]);
  baseExport = path.join(p.dir, "base-people.csv");
  copyFileSync(p.peopleFile, baseExport);
  const today = new Date().toISOString().slice(0, 10);
  setPerson(p, "E013", { status: "terminated", termination_date: today });
  setPerson(p, "E031", { department: "Sales", title: "Account Executive", manager_id: "E021" });
}, 600_000);

afterAll(async () => p?.stop());

describe("idlc preview without a passphrase or app credentials", () => {
  it("the stack file holds Slack's token only as ciphertext", () => {
    const stackFile = readFileSync(path.join(demoDir(p), "..", "Pulumi.demo.yaml"), "utf8");
    expect(stackFile).toMatch(/identity:slack:\s*\n?\s*secure: v1:/);
    for (const s of secrets) expect(stackFile).not.toContain(s);
  });

  it("gives the same PR comment and the same plan as a preview with both", async () => {
    const args = ["preview", "--stack", "demo", "--policy-pack", "policies"];
    const withAll = await p.idlc([...args, "--format", "md", "--from", baseExport], { env: { PULUMI_CONFIG_PASSPHRASE: PASSPHRASE } });
    const withAllJson = await p.idlc([...args, "--json"], { env: { PULUMI_CONFIG_PASSPHRASE: PASSPHRASE } });
    hideSandbox();
    try {
      const bare = await p.idlc([...args, "--format", "md", "--from", baseExport], { env: noSecrets });
      const bareJson = await p.idlc([...args, "--json"], { env: noSecrets });
      expect(bare.code, bare.stderr.slice(-3000)).toBe(withAll.code);
      expect(bare.stdout).toBe(withAll.stdout);
      expect(withAll.stdout).toContain("<!-- idlc:preview stack=demo -->");
      expect(withAll.stdout).toMatch(/1 mover/);
      expect(withAll.stdout).toMatch(/1 leaver/);
      expect(stepsOf(bareJson.stdout)).toEqual(stepsOf(withAllJson.stdout));
      expect(stepsOf(bareJson.stdout).filter((s) => s.startsWith("update ")).length).toBeGreaterThan(0);
      for (const s of secrets) expect(`${bare.stdout}${bare.stderr}${bareJson.stdout}`).not.toContain(s);
    } finally {
      showSandbox();
    }
  }, 600_000);
});
