import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleEmulator, type GoogleEmulator } from "../../../sandbox/google";
import { call, newUser } from "./api";

let e: GoogleEmulator;
beforeAll(async () => {
  e = await startGoogleEmulator();
});
afterAll(() => e.stop());

describe("Directory API groups, members and org units", () => {
  it("inserts members once (409 Member already exists), removes them once (404 memberKey)", async () => {
    await call(e, "POST", "/users", newUser("m1"));
    expect((await call(e, "POST", "/groups", { email: "eng@example.com", name: "Eng" })).status).toBe(200);
    expect((await call(e, "POST", "/groups", { email: "eng@example.com", name: "Eng" })).status).toBe(409);
    expect(
      (await call(e, "POST", "/groups/eng@example.com/members", { email: "m1@example.com", role: "MEMBER" })).body,
    ).toMatchObject({ kind: "admin#directory#member", type: "USER", status: "ACTIVE" });
    expect(
      (await call(e, "POST", "/groups/eng@example.com/members", { email: "m1@example.com" })).body.error,
    ).toMatchObject({ code: 409, message: "Member already exists." });
    expect((await call(e, "GET", "/groups/eng@example.com/hasMember/m1@example.com")).body).toEqual({ isMember: true });
    expect((await call(e, "DELETE", "/groups/eng@example.com/members/m1@example.com")).status).toBe(204);
    expect((await call(e, "DELETE", "/groups/eng@example.com/members/m1@example.com")).body.error.message).toBe(
      "Resource Not Found: memberKey",
    );
    expect(
      (await call(e, "POST", "/groups/none@example.com/members", { email: "m1@example.com" })).body.error.message,
    ).toBe("Resource Not Found: groupKey");
  });

  it("creates nested org units (paths without a leading slash in the URL)", async () => {
    expect(
      (await call(e, "POST", "/customer/my_customer/orgunits", { name: "Engineering", parentOrgUnitPath: "/" })).body
        .orgUnitPath,
    ).toBe("/Engineering");
    expect(
      (await call(e, "POST", "/customer/my_customer/orgunits", { name: "Backend", parentOrgUnitPath: "/Engineering" }))
        .status,
    ).toBe(200);
    expect((await call(e, "GET", "/customer/my_customer/orgunits/Engineering/Backend")).body.orgUnitPath).toBe(
      "/Engineering/Backend",
    );
    expect((await call(e, "POST", "/users", newUser("placed", { orgUnitPath: "/Engineering/Backend" }))).status).toBe(
      200,
    );
  });

  it("persists users and its service-account key under a data dir across restarts", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "idlc-google-"));
    try {
      const first = await startGoogleEmulator({ dataDir: dir });
      await call(first, "POST", "/users", newUser("kept"));
      await first.stop();
      const second = await startGoogleEmulator({ dataDir: dir });
      expect((await call(second, "GET", "/users/kept@example.com")).status).toBe(200);
      expect(second.serviceAccountKey.private_key).toBe(first.serviceAccountKey.private_key);
      await second.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
