import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackAccountProvider as p } from "../../../provider/apps/slack";
import { spec, startSlackHarness, usersWithEmail, type SlackHarness } from "./harness";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.emulator.stop());

// Names and emails that would change a filter's meaning if quotes and backslashes were not escaped.
const people = [
  spec("E701", { userName: "O'Brien", email: "o'brien@corp.com", familyName: "O'Brien" }),
  spec("E702", { userName: 'Zoë "Z" Ng', email: 'zoe"z"ng@corp.com', displayName: 'Zoë "Z" Ng' }),
  spec("E703", { userName: "back\\slash", email: "back\\slash@corp.com" }),
  spec("E704", { userName: 'a" or userName pr', email: 'a"or"b@corp.com' }),
];

describe("SlackAccount lookups with quotes and backslashes", () => {
  it("creates each person once and finds exactly that person again", async () => {
    const ids = [];
    for (const ins of people) ids.push((await p.create(ins)).id);
    expect(new Set(ids).size).toBe(people.length);
    for (const [i, ins] of people.entries()) {
      const again = await p.create(ins); // a second create must adopt the same user, not another one
      expect(again).toMatchObject({ id: ids[i], outs: { adopted: true } });
      expect(await usersWithEmail(h.emulator, ins.email)).toEqual([expect.objectContaining({ id: ids[i] })]);
    }
    expect(h.emulator.control.user(ids[3]!)?.userName).toBe("a__or_username_pr");
  });
});
