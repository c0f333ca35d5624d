import { describe, expect, it } from "vitest";
import { judgeDeployment, type ShardPreview } from "../../../cli/identity/deployment-judge";

const type = (app: string) => `pulumi-nodejs:dynamic/idlc:${app[0]!.toUpperCase()}${app.slice(1)}Account`;
const inputs = (id: string, extra: Record<string, unknown> = {}) => ({
  employeeId: id,
  displayName: id,
  enabled: true,
  admin: false,
  ...extra,
});
type Step = ShardPreview["steps"][number];
const urn = (app: string, id: string) => `urn:pulumi:s::identity::${type(app)}::${app}/${id}`;
const same = (app: string, id: string, extra = {}): Step => ({
  op: "same",
  type: type(app),
  urn: urn(app, id),
  old: { inputs: inputs(id, extra) },
  new: { inputs: inputs(id, extra) },
});
const disable = (app: string, id: string): Step => ({
  op: "update",
  type: type(app),
  urn: urn(app, id),
  old: { inputs: inputs(id) },
  new: { inputs: inputs(id, { enabled: false }) },
});
const create = (app: string, id: string, extra = {}): Step => ({
  op: "create",
  type: type(app),
  urn: urn(app, id),
  new: { inputs: inputs(id, extra) },
});
const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `E${from + i}`);

describe("judgeDeployment", () => {
  it("stops a wave over an app's budget once, for the whole deployment, with one flag for the whole wave", () => {
    // Each shard disables 6 of its 40 Slack accounts: the deployment sees 12 of 80 (budget 8).
    const shard = (name: string, from: number): ShardPreview => ({
      stack: name,
      steps: [...ids(from, 6).map((id) => disable("slack", id)), ...ids(from + 6, 34).map((id) => same("slack", id))],
    });
    const verdict = judgeDeployment([shard("a", 1000), shard("b", 2000)], { maxPercent: 10, maxAccounts: 25 });
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toHaveLength(1);
    expect(verdict.problems[0]).toContain("slack: 12 disables + 0 deletes of 80 accounts (budget 8)");
    expect(verdict.problems[0]).toContain("--allow-deprovision 12");
    expect(
      judgeDeployment([shard("a", 1000), shard("b", 2000)], { maxPercent: 10, maxAccounts: 25 }, 12),
    ).toMatchObject({
      ok: true,
      deprovisions: new Map([
        ["a", 6],
        ["b", 6],
      ]),
    });
  });

  it("hands each shard its own share of the approved deprovisions", () => {
    const verdict = judgeDeployment(
      [
        { stack: "dirs", steps: [disable("google", "E1"), same("google", "E2")] },
        { stack: "apps", steps: [disable("slack", "E1"), same("slack", "E2"), create("slack", "E3")] },
        { stack: "idle", steps: [same("slack", "E4")] },
      ],
      {},
    );
    expect(verdict).toMatchObject({ ok: true, problems: [] });
    expect(verdict.deprovisions).toEqual(
      new Map([
        ["dirs", 1],
        ["apps", 1],
        ["idle", 0],
      ]),
    );
  });

  it("finds one person's two accounts in one app held by two shards", () => {
    const verdict = judgeDeployment(
      [
        { stack: "apps-0", steps: [same("slack", "E1"), same("slack", "E2")] },
        { stack: "apps-1", steps: [create("slack", "E2"), same("slack", "E3")] },
      ],
      {},
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([
      expect.stringMatching(/^one-account-per-person-per-app: E2 must have at most one slack account but has 2/),
    ]);
  });

  it("counts the admins of an app over every shard (the pack's default of 5)", () => {
    const admins = (stack: string, from: number): ShardPreview => ({
      stack,
      steps: ids(from, 3).map((id) => same("google", id, { admin: true })),
    });
    expect(judgeDeployment([admins("a", 1)], {}).ok).toBe(true);
    const verdict = judgeDeployment([admins("a", 1), admins("b", 100)], {});
    expect(verdict.problems).toEqual([
      expect.stringMatching(/^max-admins-per-app: google must have at most 5 admins but would have 6/),
    ]);
  });
});
