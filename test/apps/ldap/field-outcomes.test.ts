import { createRequire } from "node:module";
import { beforeAll } from "vitest";
import { ldapAccountProvider as p, ldapGroupProvider as g } from "../../../provider/apps/ldap";
import { describeFieldOutcomes, type CallCount } from "../shared/field-outcomes";
import type { LdapSettings } from "../../../provider/apps/ldap";
import { accountSpec, asAdmin, groupSpec, isolatedTree } from "./ldap-fixture";

// The provider requires ldapts lazily (it is serialized by value): count on the same module instance it loads.
const { Client } = createRequire(__filename)("ldapts") as typeof import("ldapts");
const count: CallCount = { total: 0, writes: 0 };
for (const [method, write] of [
  ["bind", false],
  ["search", false],
  ["add", true],
  ["modify", true],
  ["modifyDN", true],
  ["del", true],
] as const) {
  const original = Reflect.get(Client.prototype, method) as (...args: unknown[]) => Promise<unknown>;
  (Client.prototype as unknown as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
    count.total += 1;
    if (write) count.writes += 1;
    return original.apply(this, args);
  };
}

let tree: LdapSettings;
beforeAll(async () => {
  tree = await isolatedTree("outcomes");
});

const person = (employeeId: string) =>
  accountSpec({ employeeId, userName: employeeId.toLowerCase(), email: `${employeeId}@example.com` });
const base = { ...person("P1"), managerEmployeeId: "M1", costCenter: "CC42", location: "Berlin", groups: ["eng"] };

describeFieldOutcomes("LdapAccount", () => ({
  app: "ldap",
  provider: p,
  base,
  async setUp() {
    for (const name of ["eng", "ops"]) await g.create!(groupSpec(name));
    for (const manager of ["M1", "M2"]) await p.create!(person(manager));
    return p.create!(base);
  },
  calls: () => ({ ...count }),
  observe: (id) =>
    asAdmin(async (client) => (await client.search(tree.peopleDN, { filter: `(employeeNumber=${id})` })).searchEntries),
}));
