import { describe, expect, it } from "vitest";
import { googleUserBody, groupEmail, observedSpec, orgUnitFor } from "../../../provider/apps/google";
import { spec } from "./harness";

describe("Google mappers", () => {
  it("maps a spec to a users.update body without isAdmin and with lists that clear", () => {
    const body = googleUserBody(spec("E1", { enabled: false, costCenter: undefined }), {
      managerEmail: "boss@example.com",
      orgUnitPath: "/Eng",
    });
    expect(body).toEqual({
      primaryEmail: "user.e1@example.com",
      name: { givenName: "Ada", familyName: "PersonE1", displayName: "Ada PersonE1" },
      suspended: true,
      orgUnitPath: "/Eng",
      externalIds: [{ value: "E1", type: "organization" }],
      relations: [{ value: "boss@example.com", type: "manager" }],
      organizations: [{ title: "Engineer", department: "R&D", primary: true, type: "work" }],
    });
    const bare = googleUserBody(spec("E2", { title: undefined, department: undefined, costCenter: undefined }), {
      orgUnitPath: "/",
    });
    expect(bare).toMatchObject({ relations: [], organizations: [] });
    expect(bare).not.toHaveProperty("isAdmin");
  });

  it.each([
    [{ department: "R&D" }, "/Engineering"],
    [{ department: "Sales" }, "/Default"],
    [{ department: undefined }, "/Default"],
  ])("puts %o in org unit %s", (who, expected) => {
    expect(orgUnitFor(who, { orgUnits: { "R&D": "/Engineering" }, defaultOrgUnit: "/Default" })).toBe(expected);
  });

  it("addresses groups in the account's domain unless the name has one", () => {
    expect(groupEmail("Eng", "example.com")).toBe("eng@example.com");
    expect(groupEmail("ops@other.org", "example.com")).toBe("ops@other.org");
  });

  it("reads the primary organization, suspension and admin back into spec fields", () => {
    const observed = observedSpec(
      {
        id: "1",
        primaryEmail: "a@example.com",
        name: { givenName: "A", familyName: "B", fullName: "A B" },
        suspended: true,
        isAdmin: true,
        organizations: [{ title: "Old" }, { title: "CTO", department: "Eng", costCenter: "CC1", primary: true }],
      },
      "E9",
    );
    expect(observed).toMatchObject({
      title: "CTO",
      department: "Eng",
      costCenter: "CC1",
      enabled: false,
      admin: true,
      managerEmployeeId: "E9",
      displayName: "A B",
      orgUnitPath: "/",
    });
  });
});
