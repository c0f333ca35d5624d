import { describe, expect, it } from "vitest";
import {
  fromSlackUser,
  pickExisting,
  slackUserName,
  toSlackPatch,
  toSlackUser,
  type SlackAccountOutputs,
} from "../../../provider/apps/slack";
import { spec } from "./harness";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

describe("slackUserName", () => {
  it.each([
    ["Ada.Lovelace", "ada.lovelace"],
    ["ada@corp.com", "ada"],
    ['Zoë "Z" Ng', "zo___z__ng"],
    ["back\\slash", "back_slash"],
    ["o'brien-x_y", "o_brien-x_y"],
  ])("%s → %s", (raw, expected) => expect(slackUserName(raw)).toBe(expected));
});

describe("toSlackUser / toSlackPatch", () => {
  it("creates with externalId = employee id, the normalised username and one primary email", () => {
    const body = toSlackUser(spec("E1", { userName: "Ada.Lovelace" }));
    expect(body).toMatchObject({
      externalId: "E1",
      userName: "ada.lovelace",
      active: true,
      emails: [{ value: "user.e1@corp.com", primary: true }],
      [ENTERPRISE]: { employeeNumber: "E1", department: "R&D", costCenter: "CC42" },
    });
    expect(body).not.toHaveProperty("userType");
  });

  it("never sends externalId or a whole emails list on update, and replaces the primary email in place", () => {
    const before = spec("E1");
    const ops = toSlackPatch({ ...before, email: "new@corp.com", title: undefined }, before);
    expect(ops.some((op) => op.path === "emails" || op.path === "externalId")).toBe(false);
    const bodies = ops.filter((op) => op.path === undefined).map((op) => op.value as Record<string, unknown>);
    expect(bodies.every((value) => !("externalId" in value) && !("emails" in value))).toBe(true);
    expect(ops).toContainEqual({ op: "replace", path: "emails[primary eq true].value", value: "new@corp.com" });
    expect(ops).toContainEqual({ op: "remove", path: "title" });
  });

  it("leaves the email alone when only its case changed", () => {
    const before = spec("E1");
    expect(
      toSlackPatch({ ...before, email: before.email.toUpperCase() }, before).some((op) =>
        op.path?.startsWith("emails"),
      ),
    ).toBe(false);
  });
});

describe("pickExisting", () => {
  const user = (id: string, userName: string, email: string, externalId?: string) => ({
    id,
    userName,
    externalId,
    emails: [{ value: email, primary: true }],
  });

  it("prefers the user holding the email, then the username; deactivated users count", () => {
    const ins = spec("E1");
    const byEmail = user("U1", "someone", ins.email.toUpperCase());
    const byName = user("U2", "user.e1", "x@corp.com", "E1");
    expect(pickExisting([byName, byEmail], ins)?.id).toBe("U1");
    expect(pickExisting([byName], ins)?.id).toBe("U2");
    expect(pickExisting([], ins)).toBeUndefined();
  });

  it("refuses a user carrying another employee's id", () => {
    expect(() => pickExisting([user("U1", "other", spec("E1").email, "E9")], spec("E1"))).toThrow(
      /held by Slack user U1 of employee E9/,
    );
  });
});

describe("fromSlackUser", () => {
  it("overlays Slack's values on the last outputs, keeping the spec's spelling when Slack only normalised it", () => {
    const olds: SlackAccountOutputs = {
      ...spec("E1", { userName: "User.E1", groups: ["a", "b"] }),
      slackId: "U1",
      slackUserName: "user.e1",
      adopted: false,
      groupIds: { a: "S1", b: "S2" },
    };
    const props = fromSlackUser(
      {
        id: "U1",
        userName: "user.e1",
        active: false,
        title: "",
        displayName: "Ada",
        name: { givenName: "Ada", familyName: "L" },
        emails: [{ value: "USER.E1@corp.com", primary: true }],
        groups: [{ value: "S2" }],
        [ENTERPRISE]: { department: "Ops" },
      },
      olds,
    );
    expect(props).toMatchObject({
      userName: "User.E1",
      email: olds.email,
      enabled: false,
      title: undefined,
      department: "Ops",
      costCenter: undefined,
      groups: ["b"],
      groupIds: { b: "S2" },
    });
  });
});
