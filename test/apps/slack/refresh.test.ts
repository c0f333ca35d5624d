import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackAccountProvider as p, type SlackAccountOutputs } from "../../../provider/apps/slack";
import { callsOf, spec, startSlackHarness, type SlackHarness } from "./harness";

let h: SlackHarness;
const accounts: Array<{ id: string; outs: SlackAccountOutputs }> = [];
beforeAll(async () => {
  h = await startSlackHarness();
  for (let i = 0; i < 15; i++) {
    const { id, outs } = await p.create(spec(`E8${String(i).padStart(2, "0")}`));
    accounts.push({ id, outs: outs! });
  }
});
afterAll(() => h.emulator.stop());

describe("SlackAccount refresh", () => {
  it("reads every account from one listing (pages of 1000), not one GET each", async () => {
    const { result, calls } = await callsOf(() =>
      Promise.all(accounts.map(({ id, outs }) => p.read!(id, { ...outs, created: undefined }))),
    );
    expect(calls).toEqual({ GET: 1 });
    expect(result.map((r) => r.id)).toEqual(accounts.map((a) => a.id));
    expect(result.every((r) => r.props?.enabled === true)).toBe(true);
  });

  it("reads a user written by this process, or made after the listing, from the API", async () => {
    const [first] = accounts;
    const off = (await p.update!(first!.id, first!.outs, { ...spec("E800"), enabled: false })).outs!;
    const late = await p.create(spec("E899"));
    const { result, calls } = await callsOf(async () => [
      await p.read!(first!.id, off),
      await p.read!(late.id, { ...late.outs!, created: undefined }),
    ]);
    expect(calls).toEqual({ GET: 2 });
    expect(result[0]!.props).toMatchObject({ enabled: false });
    expect(result[1]!.id).toBe(late.id);
  });
});
