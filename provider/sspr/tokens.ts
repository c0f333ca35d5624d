/**
 * Reset links: 128 random bits, kept only as a SHA-256 hash, bound to one person and one purpose, single use,
 * 15 minutes by default (OWASP Forgot Password Cheat Sheet). Pure apart from the random source.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { CodeRecord } from "./codes";

export type TokenPurpose = "reset" | "activation" | "helpdesk";

export interface TokenRecord {
  /** base64url SHA-256 of the token: what the state file holds, never the token itself. */
  hash: string;
  employeeId: string;
  purpose: TokenPurpose;
  issuedAt: number;
  expiresAt: number;
  /** Set when the reset completed on every target (or its code was spent); a used token never works again. */
  usedAt?: number;
  /** The second-channel code this link needs, when the stack asks for codes. */
  code?: CodeRecord;
}

export const TOKEN_MINUTES = 15;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

export function issueToken(
  employeeId: string,
  purpose: TokenPurpose,
  now: number,
  minutes = TOKEN_MINUTES,
): { token: string; record: TokenRecord } {
  const token = randomBytes(16).toString("base64url");
  return {
    token,
    record: { hash: hashToken(token), employeeId, purpose, issuedAt: now, expiresAt: now + minutes * 60_000 },
  };
}

export type TokenCheck = { ok: true; record: TokenRecord } | { ok: false; reason: "unknown" | "expired" | "used" };

/** Finds the token's record by hash (compared in constant time) and says whether it may still be used. */
export function checkToken(records: readonly TokenRecord[], token: string, now: number): TokenCheck {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return { ok: false, reason: "unknown" };
  const wanted = Buffer.from(hashToken(token));
  const record = records.find((r) => r.hash.length === wanted.length && timingSafeEqual(Buffer.from(r.hash), wanted));
  if (!record) return { ok: false, reason: "unknown" };
  if (record.usedAt !== undefined) return { ok: false, reason: "used" };
  if (now >= record.expiresAt) return { ok: false, reason: "expired" };
  return { ok: true, record };
}

/** Drops records expired more than a day ago, so the state file stays small. */
export function pruneTokens(records: readonly TokenRecord[], now: number): TokenRecord[] {
  return records.filter((r) => r.expiresAt + 86_400_000 > now);
}
