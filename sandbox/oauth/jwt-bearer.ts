import { createPublicKey, verify } from "node:crypto";

/** Claims of a Google service-account assertion (RFC 7523 JWT bearer grant). */
export interface AssertionClaims {
  iss: string;
  sub?: string;
  scope: string;
  aud: string;
  iat: number;
  exp: number;
}

/** An OAuth error as Google's token endpoint answers it (`{error, error_description}`). */
export class OAuthGrantError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

const decode = (part: string): unknown => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));

/**
 * Verifies a signed JWT assertion: RS256 signature against the service account's public key, issuer, audience
 * (the token endpoint), and a lifetime of at most one hour that includes `now` — the checks Google documents.
 */
export function verifyAssertion(
  assertion: string,
  expected: { publicKeyPem: string; issuer: string; audience: string; nowSeconds: number },
): AssertionClaims {
  const parts = assertion.split(".");
  if (parts.length !== 3)
    throw new OAuthGrantError(
      400,
      "invalid_grant",
      "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe",
    );
  let header: { alg?: string };
  let claims: AssertionClaims;
  try {
    header = decode(parts[0]) as { alg?: string };
    claims = decode(parts[1]) as AssertionClaims;
  } catch {
    throw new OAuthGrantError(400, "invalid_grant", "Invalid JWT: malformed header or claims");
  }
  if (header.alg !== "RS256")
    throw new OAuthGrantError(400, "invalid_grant", `Invalid JWT: unsupported algorithm ${String(header.alg)}`);
  const signed = verify(
    "RSA-SHA256",
    Buffer.from(`${parts[0]}.${parts[1]}`),
    createPublicKey(expected.publicKeyPem),
    Buffer.from(parts[2], "base64url"),
  );
  if (!signed) throw new OAuthGrantError(400, "invalid_grant", "Invalid JWT Signature.");
  if (claims.iss !== expected.issuer)
    throw new OAuthGrantError(401, "invalid_client", "The OAuth client was not found.");
  if (claims.aud !== expected.audience)
    throw new OAuthGrantError(400, "invalid_grant", "Invalid JWT: aud does not match the token endpoint");
  const now = expected.nowSeconds;
  const fresh =
    Number.isInteger(claims.iat) &&
    Number.isInteger(claims.exp) &&
    claims.iat <= now + 60 &&
    claims.exp > now &&
    claims.exp - claims.iat <= 3600;
  if (!fresh)
    throw new OAuthGrantError(
      400,
      "invalid_grant",
      "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.",
    );
  if (typeof claims.scope !== "string" || claims.scope.trim() === "")
    throw new OAuthGrantError(400, "invalid_scope", "Invalid OAuth scope or ID token audience provided.");
  return claims;
}
