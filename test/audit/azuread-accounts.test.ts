import { describe, expect, it } from "vitest";
import { entitlementsOf, parseStackExport, type AuditAccount } from "../../provider/audit";

// A `pulumi stack export` of an azuread-mode identity stack (shapes as provider/apps/entra-azuread declares them):
// per person an azuread.User, a GroupMember per membership, and the AzureadAccount record holding the spec.
const STACK = "urn:pulumi:prod::identity::idlc:index:IdentityStack";
const spec = {
  employeeId: "E1001",
  userName: "ada.lovelace",
  email: "ada.lovelace@contoso.com",
  givenName: "Ada",
  familyName: "Lovelace",
  displayName: "Ada Lovelace",
  employmentType: "employee",
  enabled: true,
  lifecycle: "active",
  groups: ["prod-admins"],
  admin: true,
  grants: [
    { entitlement: "account", roleIds: ["birthright"] },
    { entitlement: "admin", roleIds: ["it-admin"], privileged: true },
    { entitlement: "group:prod-admins", roleIds: ["sre"], privileged: true },
  ],
  approvals: [{ roleId: "it-admin", approver: "ciso", ticket: "SEC-7", date: "2026-10-01" }],
};
const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc:def" };
const exported = {
  version: 3,
  deployment: {
    manifest: { time: "2026-11-25T10:00:00Z" },
    resources: [
      { urn: STACK, type: "idlc:index:IdentityStack", custom: false },
      {
        urn: `${STACK}$azuread:index/user:User::entra/E1001`,
        type: "azuread:index/user:User",
        custom: true,
        id: "oid-1",
        inputs: {
          userPrincipalName: "ada.lovelace@contoso.com",
          accountEnabled: true,
          employeeId: "E1001",
          password: secret,
        },
        outputs: { objectId: "oid-1", accountEnabled: true, employeeId: "E1001", password: secret },
      },
      {
        urn: `${STACK}$azuread:index/groupMember:GroupMember::entra/admins/E1001`,
        type: "azuread:index/groupMember:GroupMember",
        custom: true,
        inputs: { groupObjectId: "g-1", memberObjectId: "oid-1" },
      },
      {
        urn: `${STACK}$idlc:entra:AzureadAccount::entra/E1001`,
        type: "idlc:entra:AzureadAccount",
        custom: false,
        inputs: spec,
        outputs: spec,
      },
    ],
  },
};

describe("audit of azuread-mode stacks", () => {
  it("reads the AzureadAccount record as the Entra account, and the User beside it not at all", () => {
    const { resources } = parseStackExport(JSON.stringify(exported), "prod.json");
    expect(resources).toHaveLength(1);
    const ada = resources[0] as AuditAccount;
    expect(ada).toMatchObject({
      kind: "account",
      app: "entra",
      appKey: "entra",
      employeeId: "E1001",
      enabled: true,
      admin: true,
      lifecycle: "active",
      groups: ["prod-admins"],
      sealed: [],
      urn: `${STACK}$idlc:entra:AzureadAccount::entra/E1001`,
    });
  });

  it("gives the record's entitlements with their roles and approvals, as for a dynamic EntraAccount", () => {
    const ada = parseStackExport(JSON.stringify(exported), "prod.json").resources[0] as AuditAccount;
    const dynamic = parseStackExport(
      JSON.stringify({
        ...exported,
        deployment: {
          resources: [
            {
              urn: `${STACK}$pulumi-nodejs:dynamic/idlc:EntraAccount::entra/E1001`,
              type: "pulumi-nodejs:dynamic/idlc:EntraAccount",
              custom: true,
              id: "oid-1",
              inputs: spec,
              outputs: spec,
            },
          ],
        },
      }),
      "graph.json",
    ).resources[0] as AuditAccount;
    expect(entitlementsOf(ada, new Map())).toEqual(entitlementsOf(dynamic, new Map()));
    expect(entitlementsOf(ada, new Map()).find((e) => e.entitlement === "admin")).toEqual({
      entitlement: "admin",
      roleIds: ["it-admin"],
      privileged: true,
      approvals: [spec.approvals[0]],
    });
  });

  it("reads a record the offline engine stored with outputs only", () => {
    const offline = structuredClone(exported);
    delete (offline.deployment.resources[3] as { inputs?: unknown }).inputs;
    expect(parseStackExport(JSON.stringify(offline), "prod.json").resources[0]).toMatchObject({
      app: "entra",
      employeeId: "E1001",
      admin: true,
    });
  });
});
