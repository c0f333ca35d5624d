import { statSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  HELD_ACCOUNTS_ENV,
  HeldAccountsError,
  heldAccounts,
  readHeldAccounts,
  writeHeldAccounts,
} from "../../provider/stack-plan";

const spec = {
  employeeId: "E1",
  userName: "alex",
  email: "alex@example.com",
  givenName: "Alex",
  familyName: "P",
  displayName: "Alex P",
  employmentType: "employee",
  enabled: true,
  lifecycle: "active",
  groups: ["all"],
  admin: false,
  grants: [],
  approvals: [],
};
const resource = (type: string, inputs: Record<string, unknown>, extra = {}) => ({
  urn: `urn:${type}`,
  type,
  inputs,
  ...extra,
});

describe("held accounts", () => {
  it("takes idlc's accounts from state and leaves out groups, foreign types, pending deletes and odd inputs", () => {
    const held = heldAccounts([
      resource("pulumi-nodejs:dynamic/idlc:SlackAccount", { ...spec, __provider: "exports.handler = …" }),
      resource("pulumi-nodejs:dynamic/idlc:ScimAccount", { ...spec, instance: "github" }),
      resource("pulumi-nodejs:dynamic/idlc:SlackGroup", { name: "all" }),
      resource("azuread:index/user:User", spec),
      resource("pulumi-nodejs:dynamic/idlc:LdapAccount", spec, { delete: true }),
      resource("pulumi-nodejs:dynamic/idlc:GoogleAccount", { ...spec, enabled: "yes" }),
    ]);
    expect(held.map((h) => [h.app, h.spec.instance])).toEqual([
      ["slack", undefined],
      ["scim", "github"],
    ]);
    expect(held[0]!.spec).not.toHaveProperty("__provider");
  });

  it("hands them to the program in a private file that is gone after the run", () => {
    const held = heldAccounts([resource("pulumi-nodejs:dynamic/idlc:SlackAccount", spec)]);
    const written = writeHeldAccounts(held);
    const file = written.env[HELD_ACCOUNTS_ENV]!;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readHeldAccounts(written.env)).toEqual(held);
    written.remove();
    expect(() => statSync(file)).toThrow();
    expect(readHeldAccounts({})).toBeUndefined();
  });

  it("fails with the file and the fix when the file is missing or not a list of accounts", () => {
    expect(() => readHeldAccounts({ [HELD_ACCOUNTS_ENV]: "/nonexistent/held.json" })).toThrow(HeldAccountsError);
    const written = writeHeldAccounts([]);
    const file = written.env[HELD_ACCOUNTS_ENV]!;
    writeFileSync(file, JSON.stringify([{ app: "slack", spec: { employeeId: "E1" } }]));
    expect(() => readHeldAccounts(written.env)).toThrow(/is not a list of held accounts/);
    written.remove();
  });
});
