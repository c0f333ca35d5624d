/**
 * CSRF protection for every form: a signed double-submit token. The cookie holds a random nonce (HttpOnly,
 * SameSite=Strict); the form holds `nonce.HMAC(secret, nonce)`. A post whose field does not carry the cookie's
 * nonce with a valid signature is refused, so neither a cross-site form nor an injected cookie gets through.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const CSRF_COOKIE = "sspr_csrf";

export interface CsrfPair {
  cookie: string;
  field: string;
}

function sign(secret: Buffer, nonce: string): string {
  return createHmac("sha256", secret).update(nonce).digest("base64url");
}

export function issueCsrf(secret: Buffer): CsrfPair {
  const nonce = randomBytes(16).toString("base64url");
  return { cookie: nonce, field: `${nonce}.${sign(secret, nonce)}` };
}

export function csrfValid(secret: Buffer, cookie: string | undefined, field: unknown): boolean {
  if (!cookie || typeof field !== "string") return false;
  const [nonce, mac] = field.split(".");
  if (!nonce || !mac || nonce !== cookie) return false;
  const expected = Buffer.from(sign(secret, nonce));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** One cookie's value from a Cookie header, without a parsing dependency. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}
