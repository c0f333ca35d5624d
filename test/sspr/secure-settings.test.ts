/**
 * `idlc sspr` reads its secrets as the rest of idlc does: `secure:` values in the stack file (the SMTP password,
 * an app's client secret) are decrypted with the stack's passphrase. A relay that requires a login (the sandbox
 * catcher with `login`) takes the mail only with the decrypted password; the password is never printed or written.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { findProject, openStackSecrets } from "../../engine/project";
import { startCatcher, type RunningCatcher } from "../../sandbox/mail";
import { createWorkspace, type Workspace } from "../../scripts/workspace";

const PASSPHRASE = "idlc-demo";
const SMTP_PASSWORD = "relay-pass-7f3a9c";
const CLIENT_SECRET = "entra-secret-51be02";
const HELPDESK = "helpdesk@example.com";

let ws: Workspace;
let catcher: RunningCatcher;
let stackFile: string;

/** Writes identity:sspr (SMTP login) and identity:entra (a real tenant's settings) with secure values. */
async function configure(smtpPassword: string): Promise<void> {
  const secrets = await openStackSecrets(findProject(ws.dir), "demo", { passphrase: PASSPHRASE });
  const doc = parse(readFileSync(stackFile, "utf8")) as { config: Record<string, unknown> };
  doc.config["identity:sspr"] = {
    publicUrl: "https://reset.example.com/",
    targets: ["entra"],
    smtp: {
      host: "127.0.0.1",
      port: catcher.smtpPort,
      starttls: false,
      user: HELPDESK,
      password: { secure: secrets.encrypt(smtpPassword) },
      from: "it-helpdesk@example.com",
    },
  };
  doc.config["identity:entra"] = {
    tenantId: "00000000-0000-0000-0000-000000000001",
    clientId: "00000000-0000-0000-0000-000000000002",
    clientSecret: { secure: secrets.encrypt(CLIENT_SECRET) },
    domain: "example.com",
  };
  writeFileSync(stackFile, stringify(doc));
}

const sendLink = (env: Record<string, string> = {}) =>
  ws.idlc(["sspr", "send-link", "E010", "--reason", "locked out", "--to", "e010@home.example", "--stack", "demo"], {
    env,
  });

/** Every file idlc sspr wrote: its state and its event chain. */
function written(): string {
  const dir = path.join(ws.dir, ".idlc", "sspr", "demo");
  return readdirSync(dir)
    .map((f) => readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
}

beforeAll(async () => {
  catcher = await startCatcher({ login: { user: HELPDESK, password: SMTP_PASSWORD } });
  ws = createWorkspace("idlc-sspr-secrets-");
  stackFile = path.join(ws.dir, "stacks", "Pulumi.demo.yaml");
});
afterAll(async () => catcher?.stop());

describe("idlc sspr with secure: settings", () => {
  it("decrypts the SMTP password with the stack's passphrase: the relay that requires it takes the link", async () => {
    await configure(SMTP_PASSWORD);
    expect(readFileSync(stackFile, "utf8")).not.toContain(SMTP_PASSWORD);
    const run = await sendLink();
    expect(run.stderr + run.stdout).not.toContain(SMTP_PASSWORD);
    expect(run.code, run.stderr).toBe(0);
    const mail = await catcher.waitFor("e010@home.example");
    expect(mail.text).toMatch(/https:\/\/reset\.example\.com\/reset\?token=/);
    expect(written()).not.toContain(SMTP_PASSWORD);
    expect(written()).not.toContain(CLIENT_SECRET);
  });

  it("a wrong SMTP password is the relay's refusal, named, and the password is not shown", async () => {
    await configure("not-the-relay-password");
    const before = catcher.messages.length;
    const run = await sendLink();
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/could not be mailed/);
    expect(run.stderr + run.stdout).not.toContain("not-the-relay-password");
    expect(catcher.messages.length).toBe(before);
  });

  it("with a wrong passphrase it stops before sending, and says the passphrase is wrong", async () => {
    await configure(SMTP_PASSWORD);
    const before = catcher.messages.length;
    const run = await sendLink({ PULUMI_CONFIG_PASSPHRASE: "not-the-passphrase" });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/passphrase/i);
    expect(catcher.messages.length).toBe(before);
  });
});
