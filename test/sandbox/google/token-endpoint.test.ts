import { createSign, generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleEmulator, type GoogleEmulator } from "../../../sandbox/google";

let e: GoogleEmulator;
beforeAll(async () => {
  e = await startGoogleEmulator();
});
afterAll(() => e.stop());

const SCOPE = "https://www.googleapis.com/auth/admin.directory.user";
function assertion(claims: Record<string, unknown>, key = e.serviceAccountKey.private_key): string {
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: "RS256", typ: "JWT" })}.${b64({ iss: e.serviceAccountKey.client_email, sub: e.adminEmail, scope: SCOPE, aud: e.tokenUrl, iat: now, exp: now + 3600, ...claims })}`;
  return `${body}.${createSign("RSA-SHA256").update(body).sign(key).toString("base64url")}`;
}
async function token(jwt: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(e.tokenUrl!, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: jwt }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const getUsers = (bearer: string) =>
  fetch(`${e.url}/users?customer=my_customer`, { headers: { authorization: `Bearer ${bearer}` } });

describe("Google OAuth token endpoint (JWT bearer)", () => {
  it("exchanges a correctly signed assertion for a bearer token the API accepts", async () => {
    const { status, body } = await token(assertion({}));
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
    expect((await getUsers(String(body.access_token))).status).toBe(200);
  });

  it("rejects a signature made with another key", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    expect(await token(assertion({}, other))).toEqual({
      status: 400,
      body: { error: "invalid_grant", error_description: "Invalid JWT Signature." },
    });
  });

  it("rejects expired assertions, a wrong audience and an impersonation without delegation", async () => {
    const old = Math.floor(Date.now() / 1000) - 7200;
    expect((await token(assertion({ iat: old, exp: old + 3600 }))).body.error).toBe("invalid_grant");
    expect((await token(assertion({ aud: "https://elsewhere/token" }))).body.error).toBe("invalid_grant");
    expect(await token(assertion({ sub: "someone@example.com" }))).toMatchObject({
      status: 401,
      body: { error: "unauthorized_client" },
    });
  });

  it("gives a token without `sub` (no domain-wide delegation) no admin rights", async () => {
    const { body } = await token(assertion({ sub: undefined }));
    const res = await getUsers(String(body.access_token));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 403, errors: [{ reason: "forbidden" }] } });
  });

  it("answers an unknown or expired token with 401 authError", async () => {
    expect((await getUsers("nonsense")).status).toBe(401);
    const { body } = await token(assertion({}));
    e.control.advanceClock(3601_000);
    const res = await getUsers(String(body.access_token));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { errors: [{ reason: "authError" }] } });
  });
});
