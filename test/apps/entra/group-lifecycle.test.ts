import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entraGroupProvider } from "../../../provider/apps/entra";
import { groupSpec } from "../../support/account-spec";
import { strict } from "../google/strict";
import { startEntraHarness, type EntraHarness } from "./harness";

const g = strict(entraGroupProvider);
let h: EntraHarness;
beforeAll(async () => {
  h = await startEntraHarness();
});
afterAll(() => h.emulator.stop());

describe("EntraGroup lifecycle", () => {
  it("creates a security group, renames in place, deletes idempotently and then reads as gone", async () => {
    const created = await g.create(groupSpec("platform-team"));
    expect(h.emulator.control.object(created.id)!.resource).toMatchObject({
      mailNickname: "platform-team",
      securityEnabled: true,
      mailEnabled: false,
    });
    const renamed = groupSpec("platform-team", { displayName: "Platform" });
    expect(await g.diff(created.id, created.outs, renamed)).toMatchObject({ changes: true, replaces: [] });
    const { outs } = await g.update(created.id, created.outs, renamed);
    expect((await g.read(created.id, outs)).props).toMatchObject({ displayName: "Platform" });
    await g.delete(created.id, outs);
    await g.delete(created.id, outs);
    expect((await g.read(created.id, outs)).id).toBe("");
  });
});
