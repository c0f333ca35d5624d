/**
 * The Entra and Google emulators keep the password a user was given — as a hash, never in clear, not even in the
 * sandbox's data dir — enforce the vendors' documented password policies, and answer
 * `POST /_sandbox/password-check`, so tests prove which password an account holds.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEntraEmulator, type EntraEmulator } from "../../sandbox/entra";
import { startGoogleEmulator, type GoogleEmulator } from "../../sandbox/google";
import { call as graph, newUser as graphUser } from "./entra/api";
import { call as directory, newUser as googleUser } from "./google/api";

const origin = (url: string) => new URL(url).origin;
async function check(
  base: string,
  user: string,
  password: string,
): Promise<{ status: number; matches?: boolean | null }> {
  const res = await fetch(`${origin(base)}/_sandbox/password-check`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user, password }),
  });
  return { status: res.status, ...((await res.json()) as { matches?: boolean | null }) };
}

describe("Entra emulator keeps passwords", () => {
  let e: EntraEmulator;
  const dataDir = mkdtempSync(path.join(tmpdir(), "entra-pw-"));
  beforeAll(async () => {
    e = await startEntraEmulator({ dataDir });
  });
  afterAll(async () => e?.stop());

  it("holds the created password, then the one a PATCH sets; only as a hash", async () => {
    const body = graphUser();
    const created = await graph(e, "POST", "/users", body);
    expect(created.status).toBe(201);
    const upn = body.userPrincipalName;
    expect(await check(e.url, upn, "xWwvJ]6NMw+bWH-d")).toMatchObject({ status: 200, matches: true });
    const next = "Orbit kettle marmalade 42";
    expect((await graph(e, "PATCH", `/users/${created.body.id}`, { passwordProfile: { password: next } })).status).toBe(
      204,
    );
    expect(await check(e.url, created.body.id, next)).toMatchObject({ matches: true });
    expect(await check(e.url, upn, "xWwvJ]6NMw+bWH-d")).toMatchObject({ matches: false });
    expect(e.control.passwordMatches(upn, next)).toBe(true);
    await e.stop();
    const saved = readFileSync(path.join(dataDir, "entra.json"), "utf8");
    expect(saved).not.toContain(next);
    e = await startEntraEmulator({ dataDir });
    expect(await check(e.url, upn, next)).toMatchObject({ matches: true }); // kept across a restart
  });

  it.each([
    ["two classes only", "orbit kettle marmalade lantern"],
    ["Unicode", "Orbit kettle marmälade 42"],
    ["too short", "Ab1!"],
  ])("refuses a password with %s as Graph does, and keeps the old one", async (_why, password) => {
    const body = graphUser();
    const { body: user } = await graph(e, "POST", "/users", body);
    const refused = await graph(e, "PATCH", `/users/${user.id}`, { passwordProfile: { password } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/does not comply with password complexity requirements/);
    expect(await check(e.url, user.id, "xWwvJ]6NMw+bWH-d")).toMatchObject({ matches: true });
  });

  it("answers 404 for an unknown user and 400 for a malformed check", async () => {
    expect((await check(e.url, "nobody@example.com", "x")).status).toBe(404);
    const bad = await fetch(`${origin(e.url)}/_sandbox/password-check`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: 1 }),
    });
    expect(bad.status).toBe(400);
  });
});

describe("Google emulator keeps passwords", () => {
  let g: GoogleEmulator;
  beforeAll(async () => {
    g = await startGoogleEmulator();
  });
  afterAll(async () => g?.stop());

  it("holds the inserted password, then the one users.update sets, with changePasswordAtNextLogin", async () => {
    const { body: user } = await directory(g, "POST", "/users", googleUser("pw.one"));
    expect(await check(g.url, "pw.one@example.com", "correct-horse")).toMatchObject({ matches: true });
    const updated = await directory(g, "PUT", `/users/${user.id}`, {
      password: "Orbit kettle 42",
      changePasswordAtNextLogin: true,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).not.toHaveProperty("password");
    expect(updated.body.changePasswordAtNextLogin).toBe(true);
    expect(await check(g.url, user.id, "Orbit kettle 42")).toMatchObject({ matches: true });
    expect(await check(g.url, user.id, "correct-horse")).toMatchObject({ matches: false });
  });

  it("checks a password sent as a SHA-1 hash (hashFunction), and refuses a malformed hash", async () => {
    const sha1 = createHash("sha1").update("hashed secret").digest("hex");
    await directory(g, "POST", "/users", googleUser("pw.two", { password: sha1, hashFunction: "SHA-1" }));
    expect(g.control.passwordMatches("pw.two@example.com", "hashed secret")).toBe(true);
    const bad = await directory(
      g,
      "POST",
      "/users",
      googleUser("pw.three", { password: "not-a-hash", hashFunction: "SHA-1" }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("Invalid Input: Invalid Password");
  });

  it.each([
    ["too short", "short"],
    ["non-ASCII", "Orbit kettle marmälade"],
    ["over 100", "x".repeat(101)],
  ])("refuses a %s password with 400 Invalid Password and keeps the old one", async (_why, password) => {
    const { body: user } = await directory(g, "POST", "/users", googleUser(`pw.${password.length}`));
    const refused = await directory(g, "PUT", `/users/${user.id}`, { password });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe("Invalid Input: Invalid Password");
    expect(await check(g.url, user.id, "correct-horse")).toMatchObject({ matches: true });
  });
});
