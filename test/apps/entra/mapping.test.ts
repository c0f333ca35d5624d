import { describe, expect, it } from "vitest";
import { entraUserBody, observedSpec, upnOf } from "../../../provider/apps/entra";
import { spec } from "./harness";

describe("Entra mappers", () => {
  it("makes a UPN from userName, in the configured domain when it has none", () => {
    expect(upnOf({ userName: "ada" }, "example.com")).toBe("ada@example.com");
    expect(upnOf({ userName: "ada@corp.example" }, "example.com")).toBe("ada@corp.example");
  });

  it("maps a spec to a Graph body; lifecycle dates only when set or to clear", () => {
    const body = entraUserBody(spec("E1", { location: "Berlin" }), "user.e1@example.com");
    expect(body).toEqual({
      accountEnabled: true,
      displayName: "Grace PersonE1",
      givenName: "Grace",
      surname: "PersonE1",
      userPrincipalName: "user.e1@example.com",
      mailNickname: "user.e1",
      employeeId: "E1",
      employeeType: "employee",
      department: "R&D",
      jobTitle: "Engineer",
      officeLocation: "Berlin",
      employeeOrgData: { division: null, costCenter: "CC42" },
    });
    expect(entraUserBody(spec("E1", { endDate: "2027-01-31" }), "u@example.com")).toMatchObject({
      employeeLeaveDateTime: "2027-01-31T00:00:00Z",
    });
    expect(entraUserBody(spec("E1"), "u@example.com", { endDate: "2027-01-31" })).toMatchObject({
      employeeLeaveDateTime: null,
    });
  });

  it("reads Graph's nulls back as absent spec fields", () => {
    expect(
      observedSpec({
        id: "1",
        userPrincipalName: "u@example.com",
        accountEnabled: false,
        department: null,
        jobTitle: "CTO",
        manager: { id: "2", employeeId: "E2" },
      }),
    ).toMatchObject({ enabled: false, department: undefined, title: "CTO", managerEmployeeId: "E2" });
  });
});
