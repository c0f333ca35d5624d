import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { googleAccountProvider, type GoogleAccountOutputs } from "../../../provider/apps/google";
import { strict } from "./strict";
import { sharedRequestCounter } from "../../../provider/net";
import { spec, startGoogleHarness, type GoogleHarness } from "./harness";

const N = 10_000;
const p = strict(googleAccountProvider);
let h: GoogleHarness;
const state: GoogleAccountOutputs[] = [];

beforeAll(async () => {
  h = await startGoogleHarness();
  for (let i = 0; i < N; i++) {
    const id = `R${i}`;
    const s = spec(id, { managerEmployeeId: i === 0 ? undefined : "R0" });
    const user = h.emulator.control.seedUser({
      primaryEmail: s.email,
      name: { givenName: s.givenName, familyName: s.familyName },
      password: "a-long-password",
      externalIds: [{ value: id, type: "organization" }],
      relations: i === 0 ? [] : [{ value: "user.r0@example.com", type: "manager" }],
    });
    state.push({ ...s, googleId: String(user.id), orgUnitPath: "/", adopted: false });
  }
}, 120_000);
afterAll(() => h.emulator.stop());

describe("GoogleAccount refresh at scale", () => {
  it(`reads ${N} accounts with at most ceil(N/500) + 10 API calls`, async () => {
    sharedRequestCounter().reset("google");
    const reads = await Promise.all(state.map((outs) => p.read(outs.googleId, outs)));
    expect(reads.every((r) => r.id !== "")).toBe(true);
    expect(reads[N - 1].props).toMatchObject({ managerEmployeeId: "R0", enabled: true });
    expect(sharedRequestCounter().get("google").total).toBeLessThanOrEqual(Math.ceil(N / 500) + 10);
  }, 120_000);

  it("serves a read after a write from the API, not the stale snapshot", async () => {
    const outs = state[42];
    const { outs: updated } = await p.update(
      outs.googleId,
      outs,
      spec("R42", { title: "Principal", managerEmployeeId: "R0" }),
    );
    const before = sharedRequestCounter().get("google").total;
    const read = await p.read(updated.googleId, updated);
    expect(read.props).toMatchObject({ title: "Principal" });
    expect(sharedRequestCounter().get("google").total).toBe(before + 1);
  });
});
