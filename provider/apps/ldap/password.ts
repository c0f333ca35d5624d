/**
 * Initial passwords: generated once, when idlc creates (never adopts) an account, and flagged must-change.
 * The value only ever leaves as the secret `initialPassword` output.
 */
import type { LdapValues } from "./client";
import type { LdapFlavor } from "./settings";

const ALPHABETS = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "-_.!@#%+="];

/** 24 characters with every class present, so any common complexity policy accepts it. */
export function generatePassword(length = 24): string {
  const { randomInt } = require("node:crypto") as typeof import("node:crypto");
  const all = ALPHABETS.join("");
  const chars = ALPHABETS.map((alphabet) => alphabet[randomInt(alphabet.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let index = chars.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [chars[index], chars[other]] = [chars[other]!, chars[index]!];
  }
  return chars.join("");
}

/**
 * OpenLDAP: cleartext `userPassword` (ppolicy_hash_cleartext stores it hashed) with `pwdReset: TRUE`.
 * AD: `unicodePwd` as quoted UTF-16LE (only accepted over LDAPS) with `pwdLastSet: 0` (change at next logon).
 */
export function passwordAttributes(flavor: LdapFlavor, password: string): Record<string, LdapValues> {
  if (flavor === "ad") return { unicodePwd: [Buffer.from(`"${password}"`, "utf16le")], pwdLastSet: ["0"] };
  return { userPassword: [password], pwdReset: ["TRUE"] };
}
