import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEntraEmulator, type EntraEmulator } from "../../../sandbox/entra";
import { call, newUser } from "./api";

let e: EntraEmulator;
beforeAll(async () => {
  e = await startEntraEmulator({ domains: ["example.com"] });
});
afterAll(() => e.stop());

describe("Graph users", () => {
  it("POST answers 201 with the default property set; other properties need $select", async () => {
    const { status, body } = await call(e, "POST", "/users", newUser({ department: "R&D" }));
    expect(status).toBe(201);
    expect(Object.keys(body).sort()).toEqual(
      [
        "@odata.context",
        "businessPhones",
        "displayName",
        "givenName",
        "id",
        "jobTitle",
        "mail",
        "mobilePhone",
        "officeLocation",
        "preferredLanguage",
        "surname",
        "userPrincipalName",
      ].sort(),
    );
    expect((await call(e, "GET", `/users/${body.id}?$select=id,department,accountEnabled`)).body).toMatchObject({
      department: "R&D",
      accountEnabled: true,
    });
  });

  it("answers a duplicate UPN with 400 ObjectConflict, not 409", async () => {
    const user = newUser();
    await call(e, "POST", "/users", user);
    const { status, body } = await call(e, "POST", "/users", user);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: "Request_BadRequest",
      message: "Another object with the same value for property userPrincipalName already exists.",
      details: [{ code: "ObjectConflict", target: "userPrincipalName" }],
    });
    expect(body.error.innerError).toHaveProperty("request-id");
  });

  it("validates the domain, password complexity, employeeId length and unknown properties", async () => {
    expect(
      (await call(e, "POST", "/users", newUser({ userPrincipalName: "x@unverified.com" }))).body.error.message,
    ).toMatch(/domain portion/);
    expect(
      (await call(e, "POST", "/users", newUser({ passwordProfile: { password: "password" } }))).body.error.message,
    ).toMatch(/complexity/);
    expect((await call(e, "POST", "/users", newUser({ employeeId: "E".repeat(17) }))).status).toBe(400);
    expect((await call(e, "POST", "/users", newUser({ favouriteColour: "blue" }))).status).toBe(400);
  });

  it("PATCH answers 204, revokeSignInSessions 200 {value:true}, unknown ids 404 Request_ResourceNotFound", async () => {
    const { body } = await call(e, "POST", "/users", newUser());
    expect((await call(e, "PATCH", `/users/${body.id}`, { accountEnabled: false, jobTitle: "Left" })).status).toBe(204);
    expect((await call(e, "POST", `/users/${body.id}/revokeSignInSessions`)).body).toMatchObject({ value: true });
    expect((await call(e, "GET", "/users/00000000-0000-0000-0000-000000000000")).body.error.code).toBe(
      "Request_ResourceNotFound",
    );
  });

  it("sets, reads and removes a manager with $ref", async () => {
    const boss = (await call(e, "POST", "/users", newUser())).body;
    const report = (await call(e, "POST", "/users", newUser())).body;
    expect((await call(e, "GET", `/users/${report.id}/manager`)).status).toBe(404);
    expect(
      (
        await call(e, "PUT", `/users/${report.id}/manager/$ref`, {
          "@odata.id": `https://graph.microsoft.com/v1.0/users/${boss.id}`,
        })
      ).status,
    ).toBe(204);
    expect((await call(e, "GET", `/users/${report.id}/manager`)).body.id).toBe(boss.id);
    expect(
      (await call(e, "GET", `/users/${report.id}?$select=id&$expand=manager($select=id,employeeId)`)).body.manager,
    ).toMatchObject({ id: boss.id, employeeId: expect.any(String) });
    expect((await call(e, "DELETE", `/users/${report.id}/manager/$ref`)).status).toBe(204);
  });

  it("hides a new user (404) during the replication delay", async () => {
    e.control.behaviour.replicationDelayMs = 200;
    const { body } = await call(e, "POST", "/users", newUser());
    expect((await call(e, "GET", `/users/${body.id}`)).status).toBe(404);
    expect((await call(e, "PATCH", `/users/${body.id}`, { jobTitle: "x" })).status).toBe(404);
    await new Promise((r) => setTimeout(r, 220));
    expect((await call(e, "GET", `/users/${body.id}`)).status).toBe(200);
    e.control.behaviour.replicationDelayMs = 0;
  });

  it("soft-deletes into deletedItems, restores, and purges after 30 days", async () => {
    const { body } = await call(e, "POST", "/users", newUser());
    expect((await call(e, "DELETE", `/users/${body.id}`)).status).toBe(204);
    const listed = await call(e, "GET", "/directory/deletedItems/microsoft.graph.user");
    expect(listed.body.value.map((u: { id: string }) => u.id)).toContain(body.id);
    expect((await call(e, "POST", `/directory/deletedItems/${body.id}/restore`)).status).toBe(200);
    expect((await call(e, "GET", `/users/${body.id}`)).status).toBe(200);
    await call(e, "DELETE", `/users/${body.id}`);
    e.control.advanceClock(31 * 86_400_000);
    expect((await call(e, "POST", `/directory/deletedItems/${body.id}/restore`)).status).toBe(404);
  });

  it("keeps users and its app registration under a data dir across restarts", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "idlc-entra-"));
    try {
      const first = await startEntraEmulator({ dataDir: dir, domains: ["example.com"] });
      const { body } = await call(first, "POST", "/users", newUser());
      await first.stop();
      const second = await startEntraEmulator({ dataDir: dir, domains: ["example.com"] });
      expect((await call(second, "GET", `/users/${body.id}`)).status).toBe(200);
      expect([second.tenantId, second.clientSecret]).toEqual([first.tenantId, first.clientSecret]);
      await second.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
