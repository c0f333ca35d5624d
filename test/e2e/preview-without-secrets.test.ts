/**
 * Issue 19: a pull-request preview holds no secret. After an `up` made with the passphrase and the sandbox's
 * credentials (Slack's as a real stack secret), a preview with neither gives the same plan and PR comment, and a
 * program that goes looking for credentials in its environment, its config and the state finds only ciphertext.
 */
import { copyFileSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPassphraseSecretsManager } from "../../engine/secrets";
import { sandboxDir } from "../../sandbox";
import { demoDir, identityProject, setPerson, type IdentityProject } from "./harness";

const PASSPHRASE = "idlc-demo";
const noSecrets = { PULUMI_CONFIG_PASSPHRASE: undefined, PULUMI_CONFIG_PASSPHRASE_FILE: undefined };

interface SandboxFile {
  apps: Record<string, { url: string; token: string; extra?: Record<string, string> }>;
}

let p: IdentityProject;
let sandboxFile: string;
let baseExport: string;
/** Every credential the sandbox holds, and the passphrase: none may reach a preview. */
let secrets: string[];

/** The planned steps of a `--json` preview: op and URN of every resource event, in a stable order. */
const stepsOf = (jsonLines: string) =>
  jsonLines
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l))
    .filter((e) => e.resourcePreEvent)
    .map((e) => `${e.resourcePreEvent.metadata.op} ${e.resourcePreEvent.metadata.urn}`)
    .sort();

const hideSandbox = () => renameSync(sandboxFile, `${sandboxFile}.hidden`);
const showSandbox = () => renameSync(`${sandboxFile}.hidden`, sandboxFile);

beforeAll(async () => {
  p = await identityProject();
  sandboxFile = path.join(sandboxDir(p.dir), "sandbox.json");
  const sandbox = JSON.parse(readFileSync(sandboxFile, "utf8")) as SandboxFile;
  // Words such as the slapd sandbox's "admin" password would match ordinary text: only distinctive values count.
  secrets = [
    PASSPHRASE,
    ...Object.values(sandbox.apps).flatMap((a) => [
      a.token,
      ...Object.entries(a.extra ?? {})
        .filter(([k]) => /secret|password|key/i.test(k))
        .map(([, v]) => v),
    ]),
  ].filter((v) => v.length >= 8);
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
    // IDLC_CREDENTIALS=write: the preview decrypts config and state and configures every provider with its credentials.
    const all = { PULUMI_CONFIG_PASSPHRASE: PASSPHRASE, IDLC_CREDENTIALS: "write" };
    const withAll = await p.idlc([...args, "--format", "md", "--from", baseExport], { env: all });
    const withAllJson = await p.idlc([...args, "--json"], { env: all });
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

/**
 * The identity program plus what a hostile change to it would add: it collects every credential it can reach — its
 * environment, the config the SDK exposes, the stack's state files — and a dynamic resource does the same inside the
 * provider host (the config `configure` receives, the host's environment, the settings idlc's providers stored).
 */
const SPY_PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { identityProgram } from "../provider/stack";

const root = path.join(__dirname, "..");
const apps = ["entra", "google", "slack", "scim", "ldap"];
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).map((n) => path.join(dir, n)).flatMap((f) => (statSync(f).isDirectory() ? filesUnder(f) : [f]));
const config = new pulumi.Config("identity");
writeFileSync(path.join(root, "spy-program.json"), JSON.stringify({
  env: process.env,
  config: Object.fromEntries(apps.map((a) => [a, config.get(a)])),
  state: filesUnder(path.join(root, ".pulumi")).map((f) => readFileSync(f, "utf8")),
}));

const spy: pulumi.dynamic.ResourceProvider = {
  async configure(req) {
    (globalThis as any).spyConfig = apps.map((a) => req.config.get("identity:" + a));
  },
  async check(_olds, news) {
    // The identity resources registered just before are checked (and their providers configured) meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const g = globalThis as any;
    const stores = ["__idlcAppSettings", "__idlcPublicSettings"];
    const maps = Object.fromEntries(stores.map((k) => [k, g[k] ? [...g[k]] : []]));
    require("node:fs").writeFileSync(news.out, JSON.stringify({ env: process.env, config: g.spyConfig, stores: maps }));
    return { inputs: news };
  },
  async create() {
    return { id: "spy" };
  },
};
class Spy extends pulumi.dynamic.Resource {
  constructor(name: string, props: Record<string, unknown>) {
    super(spy, name, props, {});
  }
}
// Declared after the identity stack, so idlc's providers have been configured in the host when it looks.
export = identityProgram({ dir: __dirname }).then((outputs) => {
  new Spy("spy", { out: path.join(root, "spy-host.json") });
  return outputs;
});
`;

describe("a program under preview that looks for credentials", () => {
  it("finds none in its environment, its config, the state, or the provider host", async () => {
    const index = path.join(demoDir(p), "..", "index.ts");
    const original = readFileSync(index, "utf8");
    writeFileSync(index, SPY_PROGRAM);
    hideSandbox();
    try {
      // The passphrase is in idlc's own environment (a laptop): the sealed preview still hands it to nobody.
      const env = { PULUMI_CONFIG_PASSPHRASE: PASSPHRASE };
      const run = await p.idlc(["preview", "--stack", "demo", "--json"], { env });
      expect(run.code, `${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`).toBe(0);
    } finally {
      showSandbox();
      writeFileSync(index, original);
    }
    const program = JSON.parse(readFileSync(path.join(p.dir, "spy-program.json"), "utf8"));
    const host = JSON.parse(readFileSync(path.join(p.dir, "spy-host.json"), "utf8"));
    // The plaintexts of the state's own secrets (initial passwords), read with the passphrase here, in the test.
    const stateSecrets = await decryptedStateSecrets(program.state as string[]);
    expect(stateSecrets.length).toBeGreaterThan(0);
    const seen = JSON.stringify({ program, host });
    for (const s of [...secrets, ...stateSecrets]) {
      expect(seen.includes(s), `a secret reached the preview: ${s.slice(0, 3)}…`).toBe(false);
    }
    for (const env of [program.env, host.env]) {
      expect(env).not.toHaveProperty("PULUMI_CONFIG_PASSPHRASE");
      expect(env.IDLC_CREDENTIALS).toBe("none");
    }
    // Slack's settings reach both as the ciphertext the stack file holds, and the providers stored no settings.
    expect(JSON.parse(program.config.slack)).toEqual({ secure: expect.stringMatching(/^v1:/) });
    expect(host.config[2]).toMatch(/v1:/);
    expect(host.stores.__idlcAppSettings).toEqual([]);
    expect(Object.fromEntries(host.stores.__idlcPublicSettings)).toMatchObject({ slack: {}, ldap: {} });
  }, 600_000);
});

/** Every secret value in the checkpoint files, decrypted with the stack's passphrase. */
async function decryptedStateSecrets(files: string[]): Promise<string[]> {
  const cts = files.flatMap((text) => [...text.matchAll(/"ciphertext":\s*"(v1:[^"]+)"/g)].map((m) => m[1]!));
  const salt = files.map((text) => /"salt":\s*"(v1:[^"]+)"/.exec(text)?.[1]).find(Boolean)!;
  const sm = await createPassphraseSecretsManager({ passphrase: PASSPHRASE, salt });
  const values = cts
    .map((ct) => JSON.parse(sm.decrypt(ct)) as unknown)
    .filter((v): v is string => typeof v === "string");
  return [...new Set(values)].filter((v) => v.length >= 8);
}

describe("idlc refresh with identity:ldap.readOnly", () => {
  it("binds as the read-only DN: refresh passes; a wrong read-only password fails it binding as that DN", async () => {
    const ldap = (JSON.parse(readFileSync(sandboxFile, "utf8")) as SandboxFile).apps.ldap!;
    const extra = ldap.extra!;
    const reader = { bindDN: `cn=reader,${extra.baseDN}`, bindPassword: "reader-e2e-5d1f" };
    const { Client } = await import("ldapts");
    const admin = new Client({ url: ldap.url });
    await admin.bind(extra.bindDN!, ldap.token);
    const objectClass = ["organizationalRole", "simpleSecurityObject"];
    await admin.add(reader.bindDN, { objectClass, cn: "reader", userPassword: reader.bindPassword });
    await admin.unbind();
    const setLdap = (readOnly: typeof reader) => {
      const value = JSON.stringify({ sandbox: true, readOnly });
      return p.ok(["config", "set", "--stack", "demo", "--secret", "identity:ldap", value]);
    };

    await setLdap(reader);
    const right = await p.idlc(["refresh", "--stack", "demo", "--yes"]);
    expect(right.code, right.stderr.slice(-3000)).toBe(0);

    // Last: slapd's password policy locks the reader after three failed binds.
    await setLdap({ ...reader, bindPassword: "not-the-readers-password" });
    const wrong = await p.idlc(["refresh", "--stack", "demo", "--yes"]);
    expect(wrong.code).toBe(1);
    expect(`${wrong.stdout}${wrong.stderr}`).toContain(`cannot bind to ${ldap.url} as "${reader.bindDN}"`);
  }, 600_000);
});
