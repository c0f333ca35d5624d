/**
 * NIST SP 800-63B password rules: a minimum length (15 by default, never below 8), at least 64 allowed, no
 * composition rules, length in Unicode code points, and a blocklist: common and breached passwords from
 * zxcvbn-ts's maintained dictionaries plus the person's own names, username and company words.
 */
import { strength, type Strength } from "./strength";

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  /** zxcvbn score (0–4) a password must reach: below it, it is guessable from the dictionaries. */
  minScore: number;
}

export const DEFAULT_POLICY: PasswordPolicy = { minLength: 15, maxLength: 64, minScore: 3 };

/** `target-policy`: an app's own rules (slapd ppolicy, Graph, Google) refused a password ours accepted. */
export type PasswordProblem = "too-short" | "too-long" | "personal" | "common" | "target-policy";

export interface PasswordVerdict {
  ok: boolean;
  problems: PasswordProblem[];
  /** Length as a person counts it: Unicode code points, not UTF-16 units. */
  codePoints: number;
  strength: Strength;
}

/** Words a password must not contain: names, username, mail local parts, company words (≥ 3 letters each). */
export function contextWords(parts: readonly (string | undefined)[]): string[] {
  const words = parts.flatMap((part) =>
    (part ?? "")
      .normalize("NFKC")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u),
  );
  return [...new Set(words.filter((w) => [...w].length >= 3))];
}

export function checkPassword(
  password: string,
  context: readonly string[],
  policy: PasswordPolicy = DEFAULT_POLICY,
): PasswordVerdict {
  const codePoints = [...password].length;
  const problems: PasswordProblem[] = [];
  if (codePoints < policy.minLength) problems.push("too-short");
  if (codePoints > policy.maxLength) problems.push("too-long");
  const folded = password.normalize("NFKC").toLowerCase();
  if (context.some((word) => folded.includes(word))) problems.push("personal");
  const measured = strength(password, context);
  if (measured.common || measured.score < policy.minScore) problems.push("common");
  return { ok: problems.length === 0, problems, codePoints, strength: measured };
}

/** One clear sentence per problem, the same for the live check, the submit and every target's own refusal. */
export function problemMessage(problem: PasswordProblem, policy: PasswordPolicy = DEFAULT_POLICY): string {
  switch (problem) {
    case "too-short":
      return `Use at least ${policy.minLength} characters; a few unrelated words make a long password easy to remember.`;
    case "too-long":
      return `Use at most ${policy.maxLength} characters.`;
    case "personal":
      return "Do not use your name, username or the company's name in your password.";
    case "common":
      return "This password is too common or too easy to guess; choose something nobody else would.";
    case "target-policy":
      return "A system you sign in to refused this password under its own rules; choose a longer, different one.";
  }
}

/** Settings as stack config gives them, with NIST's floor enforced: a minimum below 8 is a configuration error. */
export function policyFrom(options: { minLength?: number; maxLength?: number; minScore?: number }): PasswordPolicy {
  const policy = { ...DEFAULT_POLICY, ...options };
  if (policy.minLength < 8)
    throw new RangeError(`identity:sspr.minLength ${policy.minLength} is below NIST's floor of 8`);
  if (policy.maxLength < Math.max(64, policy.minLength)) {
    throw new RangeError(`identity:sspr.maxLength ${policy.maxLength} must allow at least 64 characters`);
  }
  return policy;
}
