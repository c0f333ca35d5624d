import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleEmulator, type GoogleEmulator } from "../../../sandbox/google";
import { call, newUser } from "./api";

let e: GoogleEmulator;
beforeAll(async () => {
  e = await startGoogleEmulator();
});
afterAll(() => e.stop());

describe("Directory API users", () => {
  it("inserts a user, never echoes the password, and ignores isAdmin on insert and update", async () => {
    const { status, body } = await call(e, "POST", "/users", newUser("liz", { isAdmin: true }));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      kind: "admin#directory#user",
      primaryEmail: "liz@example.com",
      isAdmin: false,
      name: { fullName: "Liz Smith" },
    });
    expect(body.password).toBeUndefined();
    expect((await call(e, "PUT", `/users/${body.id}`, { isAdmin: true })).body.isAdmin).toBe(false);
    expect((await call(e, "POST", `/users/${body.id}/makeAdmin`, { status: true })).status).toBe(204);
    expect((await call(e, "GET", "/users/liz@example.com")).body.isAdmin).toBe(true);
  });

  it("answers Google's classic error shape: 409 duplicate, 404 notFound, 400 required/invalid", async () => {
    expect(await call(e, "POST", "/users", newUser("dup"))).toMatchObject({ status: 200 });
    expect(await call(e, "POST", "/users", newUser("dup"))).toEqual({
      status: 409,
      body: {
        error: {
          code: 409,
          message: "Entity already exists.",
          errors: [{ message: "Entity already exists.", domain: "global", reason: "duplicate" }],
        },
      },
    });
    expect(await call(e, "GET", "/users/nobody@example.com")).toMatchObject({
      status: 404,
      body: { error: { message: "Resource Not Found: userKey", errors: [{ reason: "notFound" }] } },
    });
    expect(
      await call(e, "POST", "/users", { primaryEmail: "x@example.com", name: { givenName: "X", familyName: "Y" } }),
    ).toMatchObject({ status: 400, body: { error: { errors: [{ reason: "required" }] } } });
    expect(await call(e, "POST", "/users", newUser("short", { password: "abc" }))).toMatchObject({
      status: 400,
      body: { error: { errors: [{ reason: "invalid" }] } },
    });
    expect(await call(e, "POST", "/users", newUser("ou", { orgUnitPath: "/Nowhere" }))).toMatchObject({ status: 400 });
  });

  it("patch cannot clear a repeated field; update (PUT) can", async () => {
    const { body } = await call(
      e,
      "POST",
      "/users",
      newUser("rel", { relations: [{ value: "boss@example.com", type: "manager" }] }),
    );
    expect((await call(e, "PATCH", `/users/${body.id}`, { relations: [] })).body.relations).toHaveLength(1);
    expect((await call(e, "PUT", `/users/${body.id}`, { relations: [] })).body.relations).toEqual([]);
  });

  it("suspends, signs out, deletes into a 20-day undelete window", async () => {
    const { body } = await call(e, "POST", "/users", newUser("leaver"));
    expect((await call(e, "PUT", `/users/${body.id}`, { suspended: true })).body).toMatchObject({
      suspended: true,
      suspensionReason: "ADMIN",
    });
    expect((await call(e, "POST", `/users/${body.id}/signOut`)).status).toBe(204);
    expect(e.control.user(body.id)!.signOuts).toHaveLength(1);
    expect((await call(e, "DELETE", `/users/${body.id}`)).status).toBe(204);
    expect((await call(e, "GET", `/users/${body.id}`)).status).toBe(404);
    const deleted = await call(e, "GET", "/users?customer=my_customer&showDeleted=true");
    expect(deleted.body.users.map((u: { id: string }) => u.id)).toContain(body.id);
    expect((await call(e, "POST", `/users/${body.id}/undelete`, { orgUnitPath: "/" })).status).toBe(204);
    expect((await call(e, "GET", "/users/leaver@example.com")).status).toBe(200);
    await call(e, "DELETE", `/users/${body.id}`);
    e.control.advanceClock(21 * 86_400_000);
    expect((await call(e, "POST", `/users/${body.id}/undelete`, {})).status).toBe(404);
  });

  it("pages with maxResults (≤ 500) and opaque page tokens, omitting `users` when empty", async () => {
    for (let i = 0; i < 7; i++)
      await call(e, "POST", "/users", newUser(`page${i}`, { externalIds: [{ value: "PAGE", type: "organization" }] }));
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const { body } = await call(
        e,
        "GET",
        `/users?customer=my_customer&maxResults=3&query=externalId:PAGE${token ? `&pageToken=${token}` : ""}`,
      );
      seen.push(...body.users.map((u: { primaryEmail: string }) => u.primaryEmail));
      token = body.nextPageToken;
    } while (token);
    expect(seen.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `page${i}@example.com`));
    expect((await call(e, "GET", "/users?customer=my_customer&maxResults=501")).status).toBe(400);
    expect((await call(e, "GET", "/users?customer=my_customer&query=externalId:NONE")).body.users).toBeUndefined();
    expect((await call(e, "GET", "/users")).status).toBe(400);
  });

  it("looks users up by employee id and address as a scan of every user would, through edits, deletes and restores", async () => {
    const ids = (value: string) => [{ value, type: "organization" }];
    const made: Record<string, string> = {};
    for (const [local, externalIds] of [
      ["ix-a", ids("IX1")],
      ["ix-b", [...ids("ix1"), ...ids("IX9")]],
      ["ix-c", ids("IX2")],
    ] as const)
      made[local] = (await call(e, "POST", "/users", newUser(local, { externalIds }))).body.id;
    expect((await call(e, "PATCH", `/users/${made["ix-c"]}`, { externalIds: ids("IX1") })).status).toBe(200);
    expect((await call(e, "PUT", `/users/${made["ix-a"]}`, { primaryEmail: "ix-a2@example.com" })).status).toBe(200);
    expect((await call(e, "DELETE", `/users/${made["ix-b"]}`)).status).toBe(204);
    const list = async (query?: string) => {
      const found: { primaryEmail: string; externalIds?: { value: string }[]; aliases?: string[] }[] = [];
      let token: string | undefined;
      do {
        const q = query === undefined ? "" : `&query=${encodeURIComponent(query)}`;
        const { body } = await call(
          e,
          "GET",
          `/users?customer=my_customer&maxResults=500${q}${token ? `&pageToken=${token}` : ""}`,
        );
        found.push(...(body.users ?? []));
        token = body.nextPageToken;
      } while (token);
      return found;
    };
    const check = async () => {
      const everyone = await list();
      const byExternalId = (v: string) =>
        everyone.filter((u) => (u.externalIds ?? []).some((x) => x.value.toLowerCase() === v.toLowerCase()));
      const byEmail = (v: string) =>
        everyone.filter((u) => [u.primaryEmail, ...(u.aliases ?? [])].some((a) => a.toLowerCase() === v.toLowerCase()));
      for (const v of ["IX1", "ix1", "IX2", "IX9", "NONE"])
        expect((await list(`externalId:${v}`)).map((u) => u.primaryEmail)).toEqual(
          byExternalId(v).map((u) => u.primaryEmail),
        );
      for (const v of ["ix-a@example.com", "IX-A2@example.com", "ix-b@example.com", "ix-c@example.com"])
        expect((await list(`email:${v}`)).map((u) => u.primaryEmail)).toEqual(byEmail(v).map((u) => u.primaryEmail));
    };
    await check();
    expect((await list("externalId:IX1")).map((u) => u.primaryEmail)).toEqual([
      "ix-a2@example.com",
      "ix-c@example.com",
    ]);
    expect((await call(e, "POST", `/users/${made["ix-b"]}/undelete`, {})).status).toBe(204);
    await check();
    expect((await list("externalId:ix1")).map((u) => u.primaryEmail)).toEqual([
      "ix-a2@example.com",
      "ix-c@example.com",
      "ix-b@example.com",
    ]);
  });
});
