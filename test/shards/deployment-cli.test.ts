/** `--deployment` refuses what it cannot run as one company, before any shard runs: exit 2 with the fix. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bin, root } from "../gitops/project";

const dir = mkdtempSync(path.join(tmpdir(), "idlc-deployment-cli-"));
for (const name of ["Pulumi.yaml", "stacks"]) cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const idlc = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
const shard = (name: string, body: string) =>
  writeFileSync(path.join(dir, "stacks", `Pulumi.${name}.yaml`), `config:\n  identity:shard: ${body}\n`);

describe("idlc … --deployment", () => {
  it("names the deployment it cannot find and the command that writes one", () => {
    const r = idlc("preview", "--deployment", "nowhere");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no shard stack belongs to deployment "nowhere"[\s\S]*fix: Run `idlc shards plan/);
  });

  it("refuses --stack, --engine pulumi and --json beside it", () => {
    expect(idlc("up", "--deployment", "demo", "--stack", "demo").stderr).toMatch(/--deployment runs every shard stack/);
    expect(idlc("preview", "--deployment", "demo", "--engine", "pulumi").status).toBe(2);
    expect(idlc("refresh", "--deployment", "demo", "--json").stderr).toMatch(/one merged result/);
  });

  it("lists every gap and overlap of a split before any shard runs", () => {
    shard("demo-dirs", "{ deployment: split, base: demo, apps: [entra, google, ldap, slack] }");
    shard("demo-apps-0", "{ deployment: split, base: demo, apps: [slack, scim], bucket: 0, buckets: 2 }");
    const r = idlc("up", "--deployment", "split", "--yes");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/deployment split is not a valid split/);
    expect(r.stderr).toMatch(/slack is held by demo-apps-0, demo-dirs for the same people/);
    expect(r.stderr).toMatch(/no shard holds scim:github for people bucket 1 of 2/);
    expect(r.stderr).not.toMatch(/idlc (preview|up) --stack/);
  });

  it("refuses an up of the base stack once shards name it, before anything runs, naming them and what to run", () => {
    shard("demo-dirs", "{ deployment: split, base: demo, apps: [entra, google, ldap] }");
    const r = idlc("up", "--stack", "demo", "--yes");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/stack demo was split into shards \(demo-apps-0, demo-dirs\)/);
    expect(r.stderr).toMatch(
      /fix: Run `idlc up --deployment split --yes` \(or one shard: `idlc up --stack demo-apps-0 --yes`\)/,
    );
    expect(r.stderr).not.toMatch(/Previewing|Updating/);
  });
});
