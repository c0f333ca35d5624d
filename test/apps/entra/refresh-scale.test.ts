import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entraAccountProvider, type EntraAccountOutputs } from "../../../provider/apps/entra";
import { strict } from "../google/strict";
import { sharedRequestCounter } from "../../../provider/net";
import { spec, startEntraHarness, type EntraHarness } from "./harness";

const N = 10_000;
const p = strict(entraAccountProvider);
let h: EntraHarness;
const state: EntraAccountOutputs[] = [];

beforeAll(async () => {
  h = await startEntraHarness();
  for (let i = 0; i < N; i++) {
    const s = spec(`R${i}`);
    const user = h.emulator.control.seedUser({
      accountEnabled: true,
      displayName: s.displayName,
      mailNickname: `user.r${i}`,
      userPrincipalName: s.userName,
      passwordProfile: { password: "Secr3t!pass" },
      employeeId: s.employeeId,
      jobTitle: "Engineer",
    });
    state.push({ ...s, entraId: String(user.id), userPrincipalName: s.userName, adopted: false });
  }
}, 120_000);
afterAll(() => h.emulator.stop());

describe("EntraAccount refresh at scale", () => {
  it(`reads ${N} accounts with at most ceil(N/999) + 10 API calls`, async () => {
    sharedRequestCounter().reset("entra");
    const reads = await Promise.all(state.map((outs) => p.read(outs.entraId, outs)));
    expect(reads.every((r) => r.id !== "")).toBe(true);
    expect(reads[N - 1].props).toMatchObject({ title: "Engineer", enabled: true });
    expect(sharedRequestCounter().get("entra").total).toBeLessThanOrEqual(Math.ceil(N / 999) + 10);
  }, 120_000);

  it("serves a read after a write from the API, not the stale snapshot", async () => {
    const outs = state[7];
    const { outs: updated } = await p.update(outs.entraId, outs, { ...outs, title: "Principal" });
    const before = sharedRequestCounter().get("entra").total;
    expect((await p.read(updated.entraId, updated)).props).toMatchObject({ title: "Principal" });
    expect(sharedRequestCounter().get("entra").total).toBe(before + 1);
  });
});
