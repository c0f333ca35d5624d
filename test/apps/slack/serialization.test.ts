import type * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountSpec, GroupSpec } from "../../../provider/access/account-spec";
import type { SlackAccountOutputs, SlackGroupOutputs } from "../../../provider/apps/slack";
import { sharedRequestCounter } from "../../../provider/net";
import { rehydrateProvider, storedProvider } from "../../support/stored-provider";
import { groupSpec, spec, startSlackHarness, type SlackHarness } from "./harness";

let h: SlackHarness;
let accountText: string;
let groupText: string;

beforeAll(async () => {
  [h, accountText, groupText] = await Promise.all([
    startSlackHarness({ token: "xoxp-serialization-secret" }),
    storedProvider("provider/apps/slack/account.ts", "storedSlackAccountProvider"),
    storedProvider("provider/apps/slack/group.ts", "storedSlackGroupProvider"),
  ]);
}, 120_000);
afterAll(() => h.emulator.stop());

describe("SlackAccount/SlackGroup providers stored as the resource registers it, rehydrated as the host does", () => {
  it("hold no credential and no connector code, only where to load it from", () => {
    for (const text of [accountText, groupText]) {
      expect(text).not.toContain("xoxp-serialization-secret");
      expect(text).not.toMatch(/require\("(zod|express|scimmy|@pulumi\/pulumi)"\)/);
      expect(text.length).toBeLessThan(1_000);
    }
    expect(accountText).toContain("provider/apps/slack/provider");
  });

  it("run the lifecycle after rehydration, counting calls on the shared counter", async () => {
    const accounts = rehydrateProvider<pulumi.dynamic.ResourceProvider<AccountSpec, SlackAccountOutputs>>(accountText);
    const groups = rehydrateProvider<pulumi.dynamic.ResourceProvider<GroupSpec, SlackGroupOutputs>>(groupText);
    await accounts.configure!({ config: h.config } as never);
    await groups.configure!({ config: h.config } as never);
    await groups.create(groupSpec("sales"));

    const ins = spec("E600", { groups: ["sales"] });
    expect((await accounts.check!({} as never, ins)).failures).toEqual([]);
    sharedRequestCounter().reset("slack");
    const created = await accounts.create(ins);
    // Lookup, create, join: no group lookup, since the group provider made "sales" in this same process.
    expect(sharedRequestCounter().get("slack").total).toBe(3);
    expect(h.emulator.control.user(created.id)).toMatchObject({ externalId: "E600", active: true });

    const off = { ...ins, enabled: false, lifecycle: "terminated" as const, groups: [] };
    const updated = await accounts.update!(created.id, created.outs as SlackAccountOutputs, off);
    expect(h.emulator.control.user(created.id)?.active).toBe(false);
    expect((await accounts.read!(created.id, updated.outs as SlackAccountOutputs)).props).toMatchObject({
      enabled: false,
      groups: [],
    });
    await expect(accounts.delete!(created.id, created.outs as SlackAccountOutputs)).rejects.toThrow(/still enabled/);
    await accounts.delete!(created.id, updated.outs as SlackAccountOutputs);
    expect(h.emulator.control.user(created.id)).toMatchObject({ active: false });
  });

  it("keep their errors' messages after rehydration", async () => {
    const accounts = rehydrateProvider<pulumi.dynamic.ResourceProvider<AccountSpec, SlackAccountOutputs>>(accountText);
    await accounts.configure!({ config: h.config } as never);
    const owner = h.emulator.control.primaryOwner();
    const ins = spec("E601", { userName: owner.userName, email: owner.primaryEmail });
    const { id, outs } = await accounts.create(ins);
    const err = await accounts.update!(id, outs as SlackAccountOutputs, { ...ins, enabled: false }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: "SLACK_PRIMARY_OWNER", message: expect.stringContaining("Primary Owner") });
  });
});
