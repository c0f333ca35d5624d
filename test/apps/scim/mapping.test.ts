import { describe, expect, it } from "vitest";
import {
  fromScimUser,
  ScimSchema,
  toScimUser,
  toUserPatch,
  type ScimAccountInputs,
  type ScimAccountOutputs,
} from "../../../provider/apps/scim";
import { accountSpec } from "../../support/account-spec";

const spec = (over: Partial<ScimAccountInputs> = {}): ScimAccountInputs => ({
  ...accountSpec("E1"),
  instance: "a",
  ...over,
});

describe("SCIM mappers", () => {
  it("maps an AccountSpec to a core + enterprise user", () => {
    expect(toScimUser(spec({ costCenter: "CC1" }), undefined, "m-1")).toEqual({
      schemas: [ScimSchema.user, ScimSchema.enterprise],
      externalId: "E1",
      userName: "e1@example.com",
      displayName: "Ada Lovelace",
      title: "Engineer",
      userType: "employee",
      name: { givenName: "Ada", familyName: "Lovelace" },
      emails: [{ value: "e1@example.com", type: "work", primary: true }],
      active: true,
      [ScimSchema.enterprise]: {
        employeeNumber: "E1",
        department: "R&D",
        costCenter: "CC1",
        manager: { value: "m-1" },
      },
    });
  });

  it("follows an instance's attribute mapping (null leaves an attribute alone)", () => {
    const body = toScimUser(spec(), { userName: "email", title: null, nickName: "employeeId" }) as Record<
      string,
      unknown
    >;
    expect(body).toMatchObject({ userName: "e1@example.com", nickName: "E1" });
    expect(body).not.toHaveProperty("title");
  });

  it("patches with one path-less replace, emails by path, and removes what the new spec dropped", () => {
    const ops = toUserPatch(
      spec({ title: undefined, department: undefined }),
      undefined,
      undefined,
      spec({ managerEmployeeId: "E0" }),
    );
    expect(ops[0]).toMatchObject({ op: "replace", value: { userName: "e1@example.com", active: true } });
    expect(ops[1]).toEqual({
      op: "replace",
      path: "emails",
      value: [{ value: "e1@example.com", type: "work", primary: true }],
    });
    expect(ops.slice(2)).toEqual([
      { op: "remove", path: "title" },
      { op: "remove", path: `${ScimSchema.enterprise}:department` },
      { op: "remove", path: `${ScimSchema.enterprise}:manager` },
    ]);
  });

  it("reads back what the server shows, keeping what it cannot know", () => {
    const olds: ScimAccountOutputs = {
      ...spec({ groups: ["eng", "ops"] }),
      scimId: "u1",
      groupIds: { eng: "g1", ops: "g2" },
    };
    const read = fromScimUser(
      { id: "u1", userName: "E1@Example.com", active: false, groups: [{ value: "g2" }], meta: { version: 'W/"3"' } },
      olds,
    );
    expect(read).toMatchObject({
      userName: "E1@Example.com",
      enabled: false,
      groups: ["ops"],
      groupIds: { ops: "g2" },
      version: 'W/"3"',
      grants: olds.grants,
    });
  });
});
