/**
 * The first password of a user azuread mode creates. `azuread.User` needs a password to create a user
 * (app-apis.md §3.4) and @pulumi/random is not available, so nothing random is generated: the password is
 * derived from a secret seed in stack config and the employee id. Derived, not generated, means a re-run yields
 * the same value (no diff, no reset), and each person still gets their own. Users change it at first sign-in
 * (forcePasswordChange); the stack ignores later changes to it, so rotating the seed never resets anyone.
 */
import { createHmac } from "node:crypto";
import { EntraModeError } from "./errors";

/**
 * HMAC-SHA256(seed, employeeId) as base64url, behind a fixed prefix that gives Entra's complexity rule (three
 * of upper, lower, digit, symbol) every class whatever the hash; 47 characters, under Graph's 256.
 */
export function initialPassword(seed: string, employeeId: string): string {
  if (seed.length < 16) {
    throw new EntraModeError(
      "identity:entra.initialPasswordSeed",
      "must be at least 16 characters",
      'Set a long random seed: `pulumi config set --path --secret identity:entra.initialPasswordSeed "$(openssl rand -base64 32)"`.',
    );
  }
  return `Aa1!${createHmac("sha256", seed).update(employeeId).digest("base64url")}`;
}
