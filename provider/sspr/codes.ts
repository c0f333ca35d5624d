/**
 * Second-channel codes (`identity:sspr.codes: true`): with each link, a 6-digit code sent by another channel (the
 * work mailbox, or SMS where a sender is plugged in), needed to use the link. 6 digits from a CSPRNG, 10 minutes,
 * 3 tries, then the link is spent; stored only as SHA-256 over the link's token and the code, so the state file
 * alone (which holds no token) cannot be used to recover a code. Pure apart from the random source.
 */
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import type { Mail } from "./mail-text";
import type { Subject } from "./subject";

export const CODE_MINUTES = 10;
export const CODE_TRIES = 3;

export interface CodeRecord {
  hash: string;
  expiresAt: number;
  /** Wrong codes entered so far. */
  failures: number;
}

/** Delivers a code to the person by a channel other than the link's (recovery) address. */
export interface CodeChannel {
  name: string;
  send(subject: Subject, code: string, minutes: number): Promise<void>;
}

const codeHash = (token: string, code: string) => createHash("sha256").update(`${token}\n${code}`).digest("base64url");

export function issueCode(token: string, now: number): { code: string; record: CodeRecord } {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  return { code, record: { hash: codeHash(token, code), expiresAt: now + CODE_MINUTES * 60_000, failures: 0 } };
}

export type CodeCheck = { ok: true } | { ok: false; reason: "expired" | "spent" | "wrong"; record: CodeRecord };

/** Checks an entered code; a wrong one counts a failure, and the third spends the code (and with it the link). */
export function checkCode(record: CodeRecord, token: string, entered: string, now: number): CodeCheck {
  if (record.failures >= CODE_TRIES) return { ok: false, reason: "spent", record };
  if (now >= record.expiresAt) return { ok: false, reason: "expired", record };
  const given = Buffer.from(codeHash(token, entered.replace(/\s+/g, "")));
  if (given.length === record.hash.length && timingSafeEqual(given, Buffer.from(record.hash))) return { ok: true };
  const failures = record.failures + 1;
  return { ok: false, reason: failures >= CODE_TRIES ? "spent" : "wrong", record: { ...record, failures } };
}

/** The sandbox's (and a small company's) second channel: the code by mail to the work address. */
export function workMailChannel(send: (mail: Mail) => Promise<void>): CodeChannel {
  return {
    name: "work-mail",
    async send(subject, code, minutes) {
      if (!subject.workEmail) throw new Error(`no work address for ${subject.employeeId}`);
      await send({
        to: [subject.workEmail],
        subject: "Your password reset code",
        text:
          `Your code is ${code}. Enter it with the link sent to your personal address, ` +
          `within ${minutes} minutes.\n` +
          "If you did not ask for a password reset, call the IT helpdesk.\n",
      });
    },
  };
}
