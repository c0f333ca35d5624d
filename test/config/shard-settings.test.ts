import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadStackSettings, StackConfigError } from "../../provider/config";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const BASE = `config:
  identity:hr: { file: demo/people.csv }
  identity:lifecycle: { retentionDays: 30 }
  identity:roles: { files: [demo/roles.yaml] }
  identity:apps: [entra, google, slack, scim]
  identity:safety: { maxPercent: 5 }
  identity:entra: { tenantId: t1, clientSecret: { secure: AAAA } }
  identity:google: { customer: my_customer }
  identity:slack: { token: { secure: BBBB } }
  identity:scim: { github: { url: "https://scim.example" } }
  aws:region: eu-west-1
`;

function project(stacks: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "idlc-shard-config-"));
  dirs.push(dir);
  writeFileSync(path.join(dir, "Pulumi.yaml"), "name: identity\nruntime: nodejs\nstackConfigDir: stacks\n");
  mkdirSync(path.join(dir, "stacks"));
  for (const [name, text] of Object.entries({ prod: BASE, ...stacks }))
    writeFileSync(path.join(dir, "stacks", `Pulumi.${name}.yaml`), text);
  return dir;
}

const load = (dir: string, stack: string) => loadStackSettings({ cwd: dir, stack });
const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err as StackConfigError;
  }
  throw new Error("expected an error");
};

describe("identity:shard", () => {
  it("inherits the base's shared settings and holds only its own apps' credentials", () => {
    const dir = project({
      "prod-slack-1":
        "config:\n  identity:shard: { deployment: prod, base: prod, apps: [slack], bucket: 1, buckets: 2 }\n  identity:slack: { token: { secure: CCCC } }\n",
    });
    const s = load(dir, "prod-slack-1");
    expect(s.settings.shard).toEqual({ deployment: "prod", base: "prod", apps: ["slack"], bucket: 1, buckets: 2 });
    expect(s.settings.hr?.file).toBe("demo/people.csv");
    expect(s.settings.lifecycle.retentionDays).toBe(30);
    expect(s.raw["identity:safety"]).toEqual({ maxPercent: 5 });
    expect(s.raw["identity:apps"]).toEqual(["entra", "google", "slack", "scim"]);
    expect(s.raw["identity:slack"]).toEqual({ token: { secure: "CCCC" } });
    // The Slack shard never sees another app's credentials, nor the base's other namespaces.
    for (const key of ["identity:entra", "identity:google", "identity:scim", "aws:region"])
      expect(s.raw, key).not.toHaveProperty([key]);
  });

  it("refuses a shared setting in a shard file: one source, no drift between siblings", () => {
    const dir = project({
      "prod-a":
        "config:\n  identity:shard: { deployment: prod, base: prod, apps: [slack] }\n  identity:safety: { maxPercent: 50 }\n",
    });
    const err = errorOf(() => load(dir, "prod-a"));
    expect(err).toBeInstanceOf(StackConfigError);
    expect(err.message).toMatch(
      /Pulumi\.prod-a\.yaml: identity:safety is shared by the deployment: set it once in .*Pulumi\.prod\.yaml/,
    );
  });

  it("refuses credentials of an app or SCIM instance the shard does not hold", () => {
    const dir = project({
      "prod-a":
        "config:\n  identity:shard: { deployment: prod, base: prod, apps: [slack] }\n  identity:google: { customer: x }\n",
      "prod-b":
        "config:\n  identity:shard: { deployment: prod, base: prod, apps: ['scim:github'] }\n  identity:scim: { github: {}, jira: {} }\n",
    });
    expect(errorOf(() => load(dir, "prod-a")).message).toMatch(
      /identity:google configures an app this shard does not hold \(apps: slack\)/,
    );
    expect(errorOf(() => load(dir, "prod-b")).message).toMatch(
      /identity:scim\.jira configure SCIM instances this shard does not hold/,
    );
  });

  it.each([
    ["{ deployment: prod, base: prod }", /a shard needs apps, a people bucket/],
    ["{ deployment: prod, base: prod, bucket: 1 }", /bucket and buckets go together/],
    ["{ deployment: prod, base: prod, bucket: 2, buckets: 2 }", /bucket must be below buckets/],
    ["{ deployment: prod, base: prod, apps: [github] }", /identity:shard\.apps\.0: must be an app key/],
    [
      "{ deployment: 'prod x', base: prod, apps: [slack] }",
      /identity:shard\.deployment: must be a stack-name-like word/,
    ],
    ["{ deployment: prod, base: prod, apps: [slack], extra: 1 }", /identity:shard: Unrecognized key/],
  ])("names the file, the key and the fix for %s", (shard, message) => {
    const dir = project({ "prod-x": `config:\n  identity:shard: ${shard}\n` });
    const err = errorOf(() => load(dir, "prod-x"));
    expect(err.code).toBe("CONFIG_INVALID");
    expect(err.message).toContain("Pulumi.prod-x.yaml");
    expect(err.message).toMatch(message);
    expect(err.fix).toMatch(/deployment, base, apps\?, bucket\?, buckets\?/);
  });

  it("refuses a base that is missing or is itself a shard", () => {
    const dir = project({
      "prod-a": "config:\n  identity:shard: { deployment: prod, base: prod, apps: [slack] }\n",
      "prod-b": "config:\n  identity:shard: { deployment: prod, base: prod-a, apps: [slack] }\n",
      "prod-c": "config:\n  identity:shard: { deployment: prod, base: nowhere, apps: [slack] }\n",
    });
    expect(errorOf(() => load(dir, "prod-b")).message).toMatch(/names .*Pulumi\.prod-a\.yaml, which is itself a shard/);
    expect(errorOf(() => load(dir, "prod-c")).code).toBe("CONFIG_STACK_NOT_FOUND");
  });
});
