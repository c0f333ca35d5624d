import { describe, expect, it } from "vitest";
import { managerLinkUrns } from "../../../cli/identity/manager-links";

const type = (app: string, kind = "Account") => `pulumi-nodejs:dynamic/idlc:${app}${kind}`;
const urn = (name: string) => `urn:pulumi:demo::identity::idlc:index:IdentityStack$x::${name}`;
const create = (name: string, employeeId: string, managerEmployeeId?: string, app = "Google") => ({
  op: "create",
  urn: urn(name),
  type: type(app),
  new: { inputs: { employeeId, managerEmployeeId } },
});

describe("managerLinkUrns", () => {
  const steps = [
    create("google/E1", "E1"),
    create("google/E2", "E2", "E1"),
    create("google/E3", "E3", "E2"),
    create("scim:github/E4", "E4", "E1", "Scim"),
    create("scim:github/E1", "E1", undefined, "Scim"),
    {
      op: "update",
      urn: urn("google/E5"),
      type: type("Google"),
      new: { inputs: { employeeId: "E5", managerEmployeeId: "E1" } },
    },
    create("google/E6", "E6", "E9"),
    { op: "create", urn: urn("google/groups/eng"), type: type("Google", "Group"), new: { inputs: { name: "eng" } } },
  ];

  it("picks accounts created or updated together with their manager's new account in the same app and instance", () => {
    expect(managerLinkUrns(steps, new Set())).toEqual([
      urn("google/E2"),
      urn("google/E3"),
      urn("scim:github/E4"),
      urn("google/E5"),
    ]);
  });

  it("leaves out an account whose own step or whose manager's create failed", () => {
    expect(managerLinkUrns(steps, new Set([urn("google/E1"), urn("google/E3")]))).toEqual([urn("scim:github/E4")]);
  });
});
