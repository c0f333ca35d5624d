/**
 * `idlc validate` and `idlc diff` need no secret (DESIGN.md §4.12): on a stack whose app credentials are secrets in
 * the stack file, both run with no passphrase and no sandbox, and print nothing secret.
 */
import { copyFileSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace, type Workspace } from "../../scripts/workspace";

const TOKEN = "xoxp-never-shown-4711";
const noSecrets = { PULUMI_CONFIG_PASSPHRASE: undefined, PULUMI_CONFIG_PASSPHRASE_FILE: undefined };

describe("validate and diff without a passphrase", () => {
  let ws: Workspace;
  let base: string;

  beforeAll(async () => {
    ws = createWorkspace("idlc-nosecret-");
    const slack = JSON.stringify({ baseUrl: "https://api.slack.com/scim/v2", token: TOKEN });
    const set = await ws.idlc(["config", "set", "--stack", "demo", "--secret", "identity:slack", slack]);
    expect(set.code, set.stderr).toBe(0);
    base = path.join(ws.dir, "base-people.csv");
    copyFileSync(ws.peopleFile, base);
    const moved = (row: string[], header: string[]) => row.map((v, i) => (header[i] === "department" ? "Sales" : v));
    ws.editPeople((rows) => rows.map((r) => (r[0] === "E031" ? moved(r, rows[0]!) : r)));
  }, 120_000);

  afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

  it("the stack file holds the token only as ciphertext", () => {
    const file = readFileSync(path.join(ws.dir, "stacks", "Pulumi.demo.yaml"), "utf8");
    expect(file).toMatch(/secure: v1:/);
    expect(file).not.toContain(TOKEN);
  });

  it("validate passes", async () => {
    const r = await ws.idlc(["validate", "--stack", "demo", "--previous", base], { env: noSecrets });
    expect(r.code, r.stderr).toBe(0);
    expect(`${r.stdout}${r.stderr}`).not.toContain(TOKEN);
  }, 120_000);

  it("diff shows the mover", async () => {
    const r = await ws.idlc(["diff", "--stack", "demo", "--from", base, "--format", "md"], { env: noSecrets });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 mover/);
    expect(`${r.stdout}${r.stderr}`).not.toContain(TOKEN);
  }, 120_000);
});
