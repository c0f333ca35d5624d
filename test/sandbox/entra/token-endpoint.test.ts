import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEntraEmulator, type EntraEmulator } from "../../../sandbox/entra";

let e: EntraEmulator;
beforeAll(async () => {
  e = await startEntraEmulator();
});
afterAll(() => e.stop());

const request = async (form: Record<string, string>, tenant = e.tenantId) => {
  const res = await fetch(e.tokenUrl!.replace(e.tenantId, tenant), { method: "POST", body: new URLSearchParams(form) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const good = () => ({
  grant_type: "client_credentials",
  client_id: e.clientId,
  client_secret: e.clientSecret,
  scope: "https://graph.microsoft.com/.default",
});

describe("Entra token endpoint (client credentials)", () => {
  it("issues an app-only token that Graph accepts", async () => {
    const { status, body } = await request(good());
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
    const res = await fetch(`${e.url}/users`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(res.status).toBe(200);
  });

  it("answers AADSTS errors for a wrong secret, an unknown client, a wrong scope and an unknown tenant", async () => {
    expect(await request({ ...good(), client_secret: "nope" })).toMatchObject({
      status: 401,
      body: { error: "invalid_client", error_codes: [7000215] },
    });
    expect((await request({ ...good(), client_id: "other" })).body.error).toBe("unauthorized_client");
    expect((await request({ ...good(), scope: "User.Read" })).body.error).toBe("invalid_scope");
    expect((await request(good(), "another-tenant")).body.error_codes).toEqual([90002]);
  });

  it("answers Graph calls without a valid token with 401 InvalidAuthenticationToken", async () => {
    const res = await fetch(`${e.url}/users`, { headers: { authorization: "Bearer forged" } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("InvalidAuthenticationToken");
  });
});
