import { afterAll, beforeAll } from "vitest";
import { googleAccountProvider as p, googleGroupProvider as g } from "../../../provider/apps/google";
import { describeFieldOutcomes, httpCalls } from "../shared/field-outcomes";
import { spec, startGoogleHarness, type GoogleHarness } from "./harness";

let h: GoogleHarness;
beforeAll(async () => {
  h = await startGoogleHarness();
});
afterAll(() => h.emulator.stop());

const group = (name: string) => ({ name, displayName: `${name} team`, privileged: false, roleIds: ["r1"] });
const base = spec("P1", { managerEmployeeId: "M1", location: "Berlin", groups: ["eng"] });

describeFieldOutcomes("GoogleAccount", () => ({
  app: "google",
  provider: p,
  base,
  async setUp() {
    for (const name of ["eng", "ops"]) await g.create!(group(name));
    for (const manager of ["M1", "M2"]) await p.create!(spec(manager));
    return p.create!(base);
  },
  calls: httpCalls("google"),
  observe: async (id) => h.emulator.control.user(id),
}));
