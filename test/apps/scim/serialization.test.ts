import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as pulumi from "@pulumi/pulumi";
import type {
  ScimAccountInputs,
  ScimAccountOutputs,
  ScimGroupInputs,
  ScimGroupOutputs,
} from "../../../provider/apps/scim";
import { accountSpec, groupSpec } from "../../support/account-spec";
import { scimFixture } from "../../support/scim";
import { rehydrateProvider, storedProvider } from "../../support/stored-provider";

type AccountProvider = pulumi.dynamic.ResourceProvider<ScimAccountInputs, ScimAccountOutputs>;
let fx: Awaited<ReturnType<typeof scimFixture>>;
let accountText: string;
let groupText: string;

beforeAll(async () => {
  [fx, accountText, groupText] = await Promise.all([
    scimFixture(),
    storedProvider("provider/apps/scim/account.ts", "storedScimAccountProvider"),
    storedProvider("provider/apps/scim/group.ts", "storedScimGroupProvider"),
  ]);
}, 120_000);
afterAll(() => fx.server.stop());

describe("ScimAccount/ScimGroup providers stored as the resource registers it, rehydrated as the host does", () => {
  it("hold no credential and no connector code, only where to load it from", () => {
    expect(accountText).not.toContain("test-token");
    expect(accountText).toContain("provider/apps/scim/provider");
    expect(accountText.length).toBeLessThan(1_000);
    expect(accountText).not.toMatch(/require\("(zod|scimmy|express|@pulumi\/pulumi)"\)/);
  });

  it("run CRUD after rehydration", async () => {
    const accounts = rehydrateProvider<AccountProvider>(accountText);
    const groups = rehydrateProvider<pulumi.dynamic.ResourceProvider<ScimGroupInputs, ScimGroupOutputs>>(groupText);
    await accounts.configure!(fx.request as never);
    await groups.configure!(fx.request as never);
    await groups.create({ ...groupSpec("sales"), instance: "test" });
    const ins: ScimAccountInputs = { ...accountSpec("S1", { groups: ["sales"] }), instance: "test" };
    expect((await accounts.check!({} as never, ins)).failures).toEqual([]);
    const created = await accounts.create(ins);
    expect(fx.server.store.User.get(created.id)).toMatchObject({ externalId: "S1", active: true });
    const off = { ...ins, enabled: false, lifecycle: "terminated" as const, groups: [] };
    const updated = await accounts.update!(created.id, created.outs as ScimAccountOutputs, off);
    expect(fx.server.store.User.get(created.id)!.active).toBe(false);
    expect((await accounts.read!(created.id, updated.outs as ScimAccountOutputs)).props).toMatchObject({
      enabled: false,
      groups: [],
    });
    await expect(accounts.delete!(created.id, created.outs as ScimAccountOutputs)).rejects.toThrow(/still enabled/);
    await accounts.delete!(created.id, updated.outs as ScimAccountOutputs);
    expect(fx.server.store.User.has(created.id)).toBe(false);
  });
});
