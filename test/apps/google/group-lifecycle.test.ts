import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { googleGroupProvider } from "../../../provider/apps/google";
import { groupSpec } from "../../support/account-spec";
import { startGoogleHarness, type GoogleHarness } from "./harness";
import { strict } from "./strict";

const g = strict(googleGroupProvider);
let h: GoogleHarness;
beforeAll(async () => {
  h = await startGoogleHarness();
});
afterAll(() => h.emulator.stop());

describe("GoogleGroup lifecycle", () => {
  it("creates, renames in place, reads drift, deletes idempotently and then reads as gone", async () => {
    const created = await g.create(groupSpec("platform-team", { description: "Runs the platform" }));
    expect(created.outs).toMatchObject({
      email: "platform-team@example.com",
      googleGroupId: created.id,
      adopted: false,
    });
    const renamed = groupSpec("platform-team", { displayName: "Platform", description: "Runs the platform" });
    expect(await g.diff(created.id, created.outs, renamed)).toMatchObject({ changes: true, replaces: [] });
    const { outs } = await g.update(created.id, created.outs, renamed);
    expect((await g.read(created.id, outs)).props).toMatchObject({
      displayName: "Platform",
      description: "Runs the platform",
    });
    await g.delete(created.id, outs);
    await g.delete(created.id, outs);
    expect((await g.read(created.id, outs)).id).toBe("");
  });
});
