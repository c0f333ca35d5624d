import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackEmulator, type SlackEmulator } from "../../../sandbox/slack";
import { caller, newUser, patchOps, slackError, USER } from "./call";

let emu: SlackEmulator;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  emu = await startSlackEmulator({ rateLimitScale: false });
  call = caller(emu);
});
afterAll(() => emu.stop());

describe("Slack emulator: users", () => {
  it("creates a user with 201 and the v2 response shape", async () => {
    const res = await call(
      "POST",
      "/Users",
      newUser("ada", "ada@corp.com", { externalId: "E1", name: { givenName: "Ada", familyName: "L" } }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^U[0-9A-Z]+$/),
      externalId: "E1",
      userName: "ada",
      nickName: "ada",
      displayName: "ada",
      active: true,
      emails: [{ value: "ada@corp.com", primary: true }],
      groups: [],
      meta: { location: `${emu.url}/Users/${res.body.id}` },
    });
    expect(res.body.schemas).toContain(USER);
  });

  it("applies the userName rules: specials become _, an email becomes its local part, 21 characters at most", async () => {
    expect((await call("POST", "/Users", newUser("Bo Smith!", "bo@corp.com"))).body.userName).toBe("bo_smith_");
    expect((await call("POST", "/Users", newUser("cy.d-e@corp.com", "cy@corp.com"))).body.userName).toBe("cy.d-e");
    expect((await call("POST", "/Users", newUser("x".repeat(22), "long@corp.com"))).body).toEqual(
      slackError(400, "username_too_long"),
    );
    expect((await call("POST", "/Users", newUser("   ", "e@corp.com"))).body).toEqual(
      slackError(400, "username_empty"),
    );
    const { userName: _, ...noName } = newUser("z", "z@corp.com");
    expect((await call("POST", "/Users", noName)).body).toEqual(slackError(400, "username_required"));
    expect((await call("POST", "/Users", newUser("general", "g@corp.com"))).body).toEqual(
      slackError(409, "username_taken"),
    );
  });

  it("requires an email and the core schema", async () => {
    expect((await call("POST", "/Users", { schemas: [USER], userName: "noemail" })).body).toEqual(
      slackError(400, "email_empty"),
    );
    expect((await call("POST", "/Users", newUser("bad", "not-an-email"))).body).toEqual(
      slackError(400, "email_invalid"),
    );
    expect((await call("POST", "/Users", { userName: "noschema", emails: [{ value: "n@corp.com" }] })).body).toEqual(
      slackError(400, "missing_schema_element"),
    );
  });

  it("DELETE only deactivates; the user stays listed and keeps its email (email_taken) until reactivated", async () => {
    const { body: user } = await call("POST", "/Users", newUser("leaver", "leaver@corp.com"));
    expect((await call("DELETE", `/Users/${user.id}`)).status).toBe(204);
    expect((await call("DELETE", `/Users/${user.id}`)).status).toBe(204);
    expect((await call("GET", `/Users/${user.id}`)).body).toMatchObject({ id: user.id, active: false });
    const again = await call("POST", "/Users", newUser("leaver2", "LEAVER@corp.com"));
    expect(again.body).toEqual(slackError(409, "email_taken"));
    expect((await call("POST", "/Users", newUser("leaver", "other@corp.com"))).body).toEqual(
      slackError(409, "username_taken"),
    );

    const patched = await call("PATCH", `/Users/${user.id}`, patchOps({ op: "replace", path: "active", value: true }));
    expect(patched.body.active).toBe(true);
    await call("DELETE", `/Users/${user.id}`);
    const put = await call("PUT", `/Users/${user.id}`, newUser("leaver", "leaver@corp.com", { active: true }));
    expect(put.body.active).toBe(true);
  });

  it("never lets the primary email be removed, and keeps one secondary", async () => {
    const { body: user } = await call("POST", "/Users", newUser("mails", "main@corp.com"));
    const added = await call(
      "PATCH",
      `/Users/${user.id}`,
      patchOps({ op: "replace", path: "emails[primary eq false]", value: { value: "alt@corp.com", primary: false } }),
    );
    expect(added.body.emails).toEqual([
      { value: "main@corp.com", primary: true },
      { value: "alt@corp.com", primary: false },
    ]);
    const removed = await call("PATCH", `/Users/${user.id}`, patchOps({ op: "remove", path: "emails" }));
    expect(removed.body).toEqual(slackError(400, "missing_primary_email"));
    const put = await call("PUT", `/Users/${user.id}`, { schemas: [USER], userName: "mails" });
    expect(put.body).toEqual(slackError(400, "missing_primary_email"));
    const replaced = await call(
      "PATCH",
      `/Users/${user.id}`,
      patchOps({ op: "replace", path: "emails[primary eq true].value", value: "new@corp.com" }),
    );
    expect(replaced.body.emails[0]).toEqual({ value: "new@corp.com", primary: true });
  });

  it("refuses to deactivate the primary owner by DELETE, PATCH or PUT", async () => {
    const owner = emu.control.primaryOwner();
    expect((await call("DELETE", `/Users/${owner.id}`)).body).toEqual(slackError(403, "cannot_disable_primary_owner"));
    const patch = await call("PATCH", `/Users/${owner.id}`, patchOps({ op: "replace", path: "active", value: false }));
    expect(patch.body).toEqual(slackError(403, "cannot_disable_primary_owner"));
    expect(emu.control.user(owner.id)?.active).toBe(true);
  });

  it("keeps externalId, refuses a password change, and treats userName and nickName as aliases", async () => {
    const { body: user } = await call(
      "POST",
      "/Users",
      newUser("alias", "alias@corp.com", { externalId: "E9", password: "s3cret" }),
    );
    expect(user).not.toHaveProperty("password");
    const patched = await call(
      "PATCH",
      `/Users/${user.id}`,
      patchOps(
        { op: "replace", path: "nickName", value: "alias2" },
        { op: "replace", path: "externalId", value: "OTHER" },
      ),
    );
    expect(patched.body).toMatchObject({ userName: "alias2", nickName: "alias2", externalId: "E9" });
    const pw = await call("PATCH", `/Users/${user.id}`, patchOps({ op: "add", path: "password", value: "again" }));
    expect(pw.body).toEqual(slackError(400, "password_change_not_allowed"));
  });

  it("updates enterprise attributes and resolves a manager given by email", async () => {
    const { body: user } = await call("POST", "/Users", newUser("worker", "worker@corp.com"));
    const ext = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    const res = await call(
      "PATCH",
      `/Users/${user.id}`,
      patchOps(
        { op: "replace", path: `${ext}:department`, value: "R&D" },
        { op: "replace", path: `${ext}:manager`, value: { managerId: "ada@corp.com" } },
      ),
    );
    const ada = (await call("GET", `/Users?filter=${encodeURIComponent('userName eq "ada"')}`)).body.Resources[0];
    expect(res.body[ext]).toMatchObject({ department: "R&D", manager: { managerId: ada.id } });
    const cleared = await call(
      "PATCH",
      `/Users/${user.id}`,
      patchOps({ op: "remove", path: `${ext}.manager.managerId` }),
    );
    expect(cleared.body[ext].manager).toEqual({ managerId: null });
    const bad = await call(
      "PATCH",
      `/Users/${user.id}`,
      patchOps({ op: "replace", path: `${ext}:manager`, value: { displayName: "x" } }),
    );
    expect(bad.body).toEqual(slackError(400, "improper_enterprise_schema_format"));
  });

  it("PUT replaces the user: attributes left out are blanked, externalId and active stay", async () => {
    const { body: user } = await call(
      "POST",
      "/Users",
      newUser("putme", "putme@corp.com", {
        externalId: "E7",
        title: "Boss",
        name: { givenName: "P", familyName: "Q" },
      }),
    );
    const ext = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    await call("PATCH", `/Users/${user.id}`, patchOps({ op: "replace", path: `${ext}:department`, value: "Ops" }));
    const put = await call("PUT", `/Users/${user.id}`, newUser("putme", "putme@corp.com", { externalId: "E8" }));
    expect(put.body).toMatchObject({
      externalId: "E7",
      title: "",
      name: { givenName: "", familyName: "" },
      active: true,
    });
    expect(put.body[ext]).toEqual({ manager: { managerId: null } });
  });

  it("answers unknown users and malformed bodies with Slack's error bodies", async () => {
    expect((await call("GET", "/Users/UNOPE")).body).toEqual(slackError(404, "no_such_user"));
    expect((await call("DELETE", "/Users/UNOPE")).body).toEqual(slackError(404, "no_such_user"));
    const res = await fetch(`${emu.url}/Users`, {
      method: "POST",
      headers: { authorization: `Bearer ${emu.token}`, "content-type": "application/json" },
      body: "{",
    });
    expect(await res.json()).toEqual(slackError(400, "invalid_request_payload"));
  });
});
