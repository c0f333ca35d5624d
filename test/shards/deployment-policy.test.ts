/**
 * The deployment-wide stack rules are judged with the policy config the shards' runs give idlc's pack, not the
 * pack's defaults: a raised limit, an advisory or a disabled rule counts the same for the company as per shard.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { judgeDeployment, type ShardPreview } from "../../cli/identity/deployment-judge";
import { idlcPackConfig, readPackConfig, type PackConfig } from "../../cli/identity/deployment-policy";
import { accountType, happyAccount } from "../policies/util";

/** Six Slack admins, three in each of two shards: over the pack's default of five for the whole company only. */
const shards: ShardPreview[] = [0, 1].map((shard) => ({
  stack: `prod-apps-${shard}`,
  steps: [0, 1, 2].map((i) => {
    const id = `E${shard}${i}`;
    const inputs = happyAccount({ employeeId: id, userName: id, email: `${id}@example.com`, admin: true });
    return { op: "create", type: accountType("slack"), urn: `urn:pulumi:s::identity::t::slack/${id}`, new: { inputs } };
  }),
}));
const judge = (policy?: PackConfig) => judgeDeployment(shards, {}, undefined, policy);

const dir = mkdtempSync(path.join(tmpdir(), "idlc-deployment-policy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => (writeFileSync(path.join(dir, name), text), name);

describe("deployment-wide stack rules", () => {
  it("refuse over the pack's default when no config is given", () => {
    const verdict = judge();
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.join("\n")).toMatch(
      /max-admins-per-app: slack must have at most 5 admins but would have 6/,
    );
  });

  it("use the limit the config raises", () => {
    expect(judge({ "max-admins-per-app": { maxAdminsPerApp: 6 } })).toMatchObject({ ok: true, problems: [] });
    const lowered = judge({ "max-admins-per-app": { enforcementLevel: "mandatory", maxAdminsPerApp: 2 } });
    expect(lowered.problems.join("\n")).toMatch(/at most 2 admins but would have 6/);
  });

  it("warn without refusing under an advisory level, from the rule's entry or `all`, and skip a disabled rule", () => {
    for (const policy of [{ "max-admins-per-app": "advisory" }, { all: "advisory" }] as PackConfig[]) {
      const verdict = judge(policy);
      expect(verdict.ok).toBe(true);
      expect(verdict.warnings.join("\n")).toMatch(/max-admins-per-app: slack must have at most 5 admins/);
    }
    expect(judge({ all: "advisory", "max-admins-per-app": "mandatory" }).ok).toBe(false);
    expect(judge({ "max-admins-per-app": "disabled" })).toMatchObject({ ok: true, problems: [], warnings: [] });
  });

  it("take the config paired by position with idlc's own pack, and name a bad config file", () => {
    const ours = file("ours.json", JSON.stringify({ "max-admins-per-app": { maxAdminsPerApp: 9 } }));
    const other = file("other.json", JSON.stringify({ all: "disabled" }));
    const policies = path.join(__dirname, "..", "..", "policies");
    expect(idlcPackConfig(["elsewhere", policies], [other, ours], dir)).toEqual({
      "max-admins-per-app": { maxAdminsPerApp: 9 },
    });
    expect(idlcPackConfig(["elsewhere"], [other], dir)).toBeUndefined();
    expect(idlcPackConfig([policies], [], dir)).toBeUndefined();
    expect(() => readPackConfig(file("broken.json", "{ nope"), dir)).toThrow(
      /cannot read the policy config broken.json/,
    );
    expect(() => readPackConfig(file("list.json", "[1]"), dir)).toThrow(/list.json is not Pulumi.s policy config/);
  });
});
