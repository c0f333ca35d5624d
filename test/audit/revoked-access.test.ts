import { describe, expect, it } from "vitest";
import { diffAccount, type AuditAccount } from "../../provider/audit";

const account = (fields: Partial<AuditAccount>): AuditAccount => ({
  kind: "account",
  app: "ldap",
  appKey: "ldap",
  type: "pulumi-nodejs:dynamic/idlc:LdapAccount",
  outputs: {},
  sealed: [],
  urn: "urn:pulumi:demo::idlc::pulumi-nodejs:dynamic/idlc:LdapAccount::ldap/E012",
  employeeId: "E012",
  enabled: true,
  lifecycle: "active",
  lifecycleSince: "2022-03-01",
  groups: ["engineering"],
  admin: false,
  grants: [],
  approvals: [],
  ...fields,
});

describe("a mover's revoked account in the timeline", () => {
  it("says the access was revoked, not that the person's lifecycle changed", () => {
    const steps = diffAccount(account({}), account({ enabled: false, groups: [], revokedOn: "2026-11-25" }));
    expect(steps).toEqual([
      { event: "disabled", detail: "access revoked on 2026-11-25" },
      { event: "group-removed", detail: "engineering" },
    ]);
  });

  it("keeps the lifecycle as the reason for an ordinary disable", () => {
    expect(
      diffAccount(account({}), account({ enabled: false, lifecycle: "leave", lifecycleSince: "2026-11-01" }))[0],
    ).toEqual({ event: "disabled", detail: "leave since 2026-11-01" });
  });
});
