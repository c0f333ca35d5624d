import { afterAll, beforeAll } from "vitest";
import { slackAccountProvider as p, slackGroupProvider as g } from "../../../provider/apps/slack";
import { describeFieldOutcomes, httpCalls } from "../shared/field-outcomes";
import { groupSpec, spec, startSlackHarness, type SlackHarness } from "./harness";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.emulator.stop());

const base = spec("P1", { managerEmployeeId: "M1", location: "Berlin", groups: ["eng"] });

describeFieldOutcomes("SlackAccount", () => ({
  app: "slack",
  provider: p,
  base,
  async setUp() {
    for (const name of ["eng", "ops"]) await g.create!(groupSpec(name));
    for (const manager of ["M1", "M2"]) await p.create!(spec(manager));
    return p.create!(base);
  },
  calls: httpCalls("slack"),
  observe: async (id) => h.emulator.control.user(id),
}));
