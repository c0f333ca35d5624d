import fc from "fast-check";
import { afterAll, beforeAll } from "vitest";
import { scimAccountProvider as p, scimGroupProvider as g } from "../../../provider/apps/scim";
import { sendsField } from "../../../provider/apps/scim/mapping";
import { accountSpec, groupSpec } from "../../support/account-spec";
import { scimFixture } from "../../support/scim";
import { describeFieldOutcomes, httpCalls } from "../shared/field-outcomes";

let fx: Awaited<ReturnType<typeof scimFixture>>;
// A second instance on the same server maps the location and leaves the title alone: `mapped` follows it.
const custom = { organization: "location", title: null };
beforeAll(async () => {
  fx = await scimFixture();
  const request = {
    config: {
      get: (key: string) =>
        key === "identity:scim"
          ? JSON.stringify({ ...fx.settings, custom: { ...fx.settings.test, attributeMapping: custom } })
          : undefined,
    },
  };
  await p.configure!(request as never);
  await g.configure!(request as never);
});
afterAll(() => fx.server.stop());

for (const [instance, mapping] of [
  ["test", undefined],
  ["custom", custom],
] as const) {
  const at = (id: string) => ({ ...accountSpec(`${instance}-${id}`), instance });
  const base = { ...at("P1"), managerEmployeeId: `${instance}-M1`, location: "Berlin", groups: ["eng"] };
  describeFieldOutcomes(`ScimAccount (${instance} mapping)`, () => ({
    app: "scim",
    provider: p,
    base,
    async setUp() {
      for (const name of ["eng", "ops"]) await g.create!({ ...groupSpec(name), instance });
      for (const manager of ["M1", "M2"]) await p.create!(at(manager));
      return p.create!(base);
    },
    calls: httpCalls("scim"),
    observe: async (id) => fx.server.store.User.get(id),
    mapped: sendsField(mapping),
    values: { managerEmployeeId: fc.constantFrom(`${instance}-M2`, undefined) },
  }));
}
