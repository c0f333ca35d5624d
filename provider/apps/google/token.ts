import { createHttpClient, type RequestCounter } from "../../net";
import type { CachedToken } from "../shared";
import type { ServiceAccountKey } from "./settings";

/**
 * The JWT-bearer grant of a service account with domain-wide delegation: an RS256-signed assertion
 * (`iss` the service account, `sub` the impersonated admin, `aud` the token endpoint) exchanged for a token.
 */
export function serviceAccountToken(options: {
  key: ServiceAccountKey;
  subject: string;
  scopes: string;
  tokenUrl: string;
  counter?: RequestCounter;
}): () => Promise<CachedToken> {
  const http = createHttpClient({ app: "google-oauth", baseUrl: options.tokenUrl, counter: options.counter });
  return async () => {
    const { createSign } = require("node:crypto") as typeof import("node:crypto");
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const iat = Math.floor(Date.now() / 1000);
    const header = b64({
      alg: "RS256",
      typ: "JWT",
      ...(options.key.private_key_id ? { kid: options.key.private_key_id } : {}),
    });
    const claims = b64({
      iss: options.key.client_email,
      sub: options.subject,
      scope: options.scopes,
      aud: options.tokenUrl,
      iat,
      exp: iat + 3600,
    });
    const signature = createSign("RSA-SHA256")
      .update(`${header}.${claims}`)
      .sign(options.key.private_key)
      .toString("base64url");
    const form = new URLSearchParams({
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      assertion: `${header}.${claims}.${signature}`,
    });
    const { body } = await http.request<{ access_token: string; expires_in: number }>({
      method: "POST",
      path: "",
      body: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    return { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
  };
}
