/**
 * Issue #22 item 1: a stack made by the code before the packed account spec (each AccountSpec field a top-level
 * property) moves to the current code with no update or replace of an unchanged account and no write to any app.
 *
 * The fixture (test/fixtures/account-upgrade/) is such a stack as that code left it: `idlc up` of commit 80b5a23
 * (a5d46b1^) on the sandbox, for seven demo people (executive, engineers, on-call, the two approved admins, one on
 * leave) across all five apps — 69 resources. It holds the stack's own files (`stacks/`: its config with the state's
 * encryption salt, and its HR and role files with fixed dates, whose people stay as they are on any later day), the
 * checkpoint (`state/demo.json.gz`: mostly ten copies of the serialized provider text, hence gzip), and what the
 * emulators held (`sandbox/`: their JSON stores; slapd's directory as `slapcat` LDIF without password hashes). No
 * credential: the emulators make fresh ones, which state never holds.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { Client } from "ldapts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPassphraseSecretsManager } from "../../engine/secrets";
import { emulators, sandboxDir, startEmulators, type StartedEmulators } from "../../sandbox";
import { DEFAULT_LAYOUT, dnsFor, renderSlapdConf } from "../../sandbox/ldap";
import { writeSandboxState } from "../../sandbox/state";
import { createWorkspace, type Workspace } from "../../scripts/workspace";
import { setPerson } from "./harness";

const FIXTURE = path.join(__dirname, "../fixtures/account-upgrade");
const APPS = ["entra", "google", "slack", "scim", "ldap"];
const ACCOUNT = /^pulumi-nodejs:dynamic\/idlc:\w+Account$/;

interface Resource {
  urn: string;
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

let ws: Workspace;
let sandbox: StartedEmulators;
let before: Resource[];

const stateFile = () => path.join(ws.dir, ".pulumi/stacks/identity/demo.json");
const resources = (json: string): Resource[] => JSON.parse(json).checkpoint.latest.resources;
const withoutProvider = ({ __provider, ...rest }: Record<string, unknown> = {}) => (void __provider, rest);
/** Pulumi's mark of a secret value in state (its ciphertext takes a fresh nonce at every write). */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
let decrypt: (ciphertext: string) => string;
/** A state value with every secret decrypted, to compare what is stored rather than how it was last encrypted. */
function opened(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(opened);
  if (value === null || typeof value !== "object") return value;
  const v = value as Record<string, unknown>;
  if (SECRET_SIG in v) return { secret: JSON.parse(decrypt(String(v.ciphertext))) };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, opened(x)]));
}

/** The op of every step a `--json` run reports, as `<op> <name>`, sorted. */
function steps(jsonLines: string): string[] {
  return jsonLines
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l))
    .filter((e) => e.resourcePreEvent)
    .map((e) => `${e.resourcePreEvent.metadata.op} ${String(e.resourcePreEvent.metadata.urn).split("::").pop()}`)
    .sort();
}

async function idlc(args: string[]): Promise<string> {
  const r = await ws.idlc([...args, "--stack", "demo"]);
  if (r.code !== 0) throw new Error(`idlc ${args.join(" ")} exited ${r.code}:\n${r.stderr.slice(-3000)}`);
  return r.stdout;
}

/** Every request that could change something in an app: anything but a read or a token exchange. */
function writes(): string[] {
  return sandbox.running.flatMap((e) =>
    (e.faults?.log() ?? [])
      .filter((r) => r.method !== "GET" && !/\/token$/.test(r.path))
      .map((r) => `${e.name}: ${r.method} ${r.path}`),
  );
}

/** Each directory entry's last change (`entryCSN`): slapd keeps no request log, but stamps every write. */
async function ldapStamps(): Promise<Record<string, string>> {
  const ldap = sandbox.running.find((e) => e.name === "ldap")!;
  const client = new Client({ url: ldap.url });
  try {
    await client.bind(ldap.extra!.bindDN!, ldap.token);
    const { searchEntries } = await client.search(ldap.extra!.baseDN!, { attributes: ["entryCSN"] });
    return Object.fromEntries(searchEntries.map((e) => [e.dn, String(e.entryCSN)]));
  } finally {
    await client.unbind();
  }
}

beforeAll(async () => {
  ws = createWorkspace("idlc-upgrade-");
  rmSync(path.join(ws.dir, "stacks/demo"), { recursive: true });
  cpSync(path.join(FIXTURE, "stacks"), path.join(ws.dir, "stacks"), { recursive: true });
  mkdirSync(path.dirname(stateFile()), { recursive: true });
  writeFileSync(path.join(ws.dir, ".pulumi/meta.yaml"), "version: 1\n");
  writeFileSync(stateFile(), gunzipSync(readFileSync(path.join(FIXTURE, "state/demo.json.gz"))));
  const checkpoint = JSON.parse(readFileSync(stateFile(), "utf8")).checkpoint.latest;
  before = checkpoint.resources;
  const salt = checkpoint.secrets_providers.state.salt;
  const secrets = await createPassphraseSecretsManager({ passphrase: "idlc-demo", salt });
  decrypt = (ciphertext) => secrets.decrypt(ciphertext);

  const data = sandboxDir(ws.dir);
  for (const app of ["entra", "google", "slack", "scim"]) {
    mkdirSync(path.join(data, app), { recursive: true });
    cpSync(path.join(FIXTURE, "sandbox", `${app}.json`), path.join(data, app, `${app}.json`));
  }
  // slapd's own loader takes the LDIF as slapcat wrote it, operational attributes and all.
  const ldapDir = path.join(data, "ldap");
  mkdirSync(path.join(ldapDir, "db"), { recursive: true });
  const { baseDN, password } = DEFAULT_LAYOUT;
  writeFileSync(
    path.join(ldapDir, "slapd.conf"),
    renderSlapdConf({ dir: ldapDir, baseDN, bindDN: dnsFor(baseDN).bindDN, password }),
  );
  execFileSync("slapadd", [
    "-q",
    "-f",
    path.join(ldapDir, "slapd.conf"),
    "-l",
    path.join(FIXTURE, "sandbox/ldap.ldif"),
  ]);

  sandbox = await startEmulators(
    emulators.filter((e) => APPS.includes(e.name)),
    data,
  );
  expect(sandbox.unavailable).toEqual({});
  const apps = sandbox.running.map((e) => [
    e.name,
    { url: e.url, token: e.token, tokenUrl: e.tokenUrl, extra: e.extra },
  ]);
  writeSandboxState(data, {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    apps: Object.fromEntries(apps),
    unavailable: {},
  });
}, 60_000);

afterAll(async () => {
  await sandbox?.stopAll();
  if (ws) rmSync(ws.dir, { recursive: true, force: true });
});

describe("a stack made before the packed account spec", { timeout: 300_000 }, () => {
  it("previews and applies with every resource the same, and no app is written to", async () => {
    const ldapBefore = await ldapStamps();
    const accounts = before.filter((r) => ACCOUNT.test(r.type)).length;
    expect(accounts).toBe(24);
    // Every account and group of the state, each a `same` step (components and the provider report no step).
    const same = before
      .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))
      .map((r) => `same ${r.urn.split("::").pop()}`)
      .sort();

    expect(steps(await idlc(["preview", "--json"]))).toEqual(same);
    expect(steps(await idlc(["up", "--yes", "--json"]))).toEqual(same);

    expect(writes()).toEqual([]);
    expect(await ldapStamps()).toEqual(ldapBefore);
    // The state keeps the flat shape and everything the apps assigned (ids, DNs, the sealed initial passwords).
    const after = new Map(resources(readFileSync(stateFile(), "utf8")).map((r) => [r.urn, r]));
    for (const r of before.filter((x) => ACCOUNT.test(x.type))) {
      expect(after.get(r.urn)!.inputs, r.urn).not.toHaveProperty("spec");
      expect(withoutProvider(after.get(r.urn)!.inputs), r.urn).toEqual(withoutProvider(r.inputs));
      expect(opened(withoutProvider(after.get(r.urn)!.outputs)), r.urn).toEqual(opened(withoutProvider(r.outputs)));
    }
  });

  it("then previews as a clean no-op, and a real change still shows as an update of that account", async () => {
    const again = steps(await idlc(["preview", "--json"]));
    expect(again.filter((s) => !s.startsWith("same "))).toEqual([]);
    setPerson(ws, "E012", { title: "Senior Software Engineer" });
    const changed = steps(await idlc(["preview", "--json"]));
    expect(changed.filter((s) => !s.startsWith("same "))).toEqual(
      ["google/E012", "ldap/E012", "scim:github/E012", "slack/E012"].map((n) => `update ${n}`),
    );
  });
});
