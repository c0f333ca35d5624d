import fc from "fast-check";
import { afterAll, beforeAll } from "vitest";
import { entraAccountProvider as p, entraGroupProvider as g } from "../../../provider/apps/entra";
import { describeFieldOutcomes, httpCalls } from "../shared/field-outcomes";
import { spec, startEntraHarness, type EntraHarness } from "./harness";

let h: EntraHarness;
beforeAll(async () => {
  h = await startEntraHarness({}, { adminGroup: "tenant-admins" });
});
afterAll(() => h.emulator.stop());

const group = (name: string) => ({ name, displayName: `${name} team`, privileged: false, roleIds: ["r1"] });
const groupIds: string[] = [];
const base = spec("P1", { managerEmployeeId: "M1", location: "Berlin", groups: ["eng"] });

describeFieldOutcomes("EntraAccount", () => ({
  app: "entra",
  provider: p,
  base,
  async setUp() {
    for (const name of ["eng", "ops", "tenant-admins"]) groupIds.push((await g.create!(group(name))).id);
    for (const manager of ["M1", "M2"]) await p.create!(spec(manager));
    return p.create!(base);
  },
  calls: httpCalls("entra"),
  async observe(id) {
    const { control } = h.emulator;
    const memberOf = groupIds.filter((groupId) => control.membersOf(groupId).includes(id));
    return { user: control.object(id)?.resource, manager: control.managerOf(id), memberOf };
  },
  // A UPN in the tenant's verified domain; Entra's employeeId holds at most 16 characters.
  values: { userName: fc.stringMatching(/^[a-z]{3,9}$/).map((w) => `u-${w}@example.com`) },
}));
