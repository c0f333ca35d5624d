/**
 * The password an emulated account holds, kept the way a directory would: never in clear, here as a salted
 * SHA-256 (cheap on purpose: the emulators seed thousands of users; nothing real is protected by it), or as the
 * hash a client sent with Google's `hashFunction`. `POST /_sandbox/password-check` answers whether a password
 * matches the one an account holds, so tests and the demo prove the *new* password is in place, from any process.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import express, { type Router } from "express";

export type HeldPassword =
  | { scheme: "salted-sha256"; salt: string; hash: string }
  /** Google's `hashFunction`: the client sent the hash (hex for SHA-1 and MD5, a crypt string otherwise). */
  | { scheme: "SHA-1" | "MD5" | "crypt"; hash: string };

const digest = (algorithm: string, ...parts: string[]) => {
  const h = createHash(algorithm);
  for (const p of parts) h.update(p, "utf8");
  return h.digest("hex");
};

export function holdPassword(password: string, hashFunction?: string): HeldPassword {
  if (hashFunction === "SHA-1" || hashFunction === "MD5" || hashFunction === "crypt") {
    return { scheme: hashFunction, hash: hashFunction === "crypt" ? password : password.toLowerCase() };
  }
  const salt = randomBytes(16).toString("hex");
  return { scheme: "salted-sha256", salt, hash: digest("sha256", salt, password) };
}

/** True or false; undefined when the account holds no password or only a crypt hash the emulator cannot recompute. */
export function passwordMatches(held: HeldPassword | undefined, candidate: string): boolean | undefined {
  if (!held || held.scheme === "crypt") return undefined;
  const actual =
    held.scheme === "salted-sha256"
      ? digest("sha256", held.salt, candidate)
      : digest(held.scheme === "SHA-1" ? "sha1" : "md5", candidate);
  return timingSafeEqual(Buffer.from(actual), Buffer.from(held.hash));
}

/**
 * `POST /_sandbox/password-check` `{ "user": id or address, "password": … }` → `{ user, matches }` (`matches`:
 * true, false, or null when nothing checkable is held); 404 for an unknown user. Sandbox only: no vendor has it.
 */
export function passwordCheckRoute(find: (user: string) => { held?: HeldPassword } | undefined): Router {
  const router = express.Router();
  router.post("/_sandbox/password-check", express.json({ limit: "8kb" }), (req, res) => {
    const { user, password } = (req.body ?? {}) as { user?: unknown; password?: unknown };
    if (typeof user !== "string" || typeof password !== "string") {
      return void res.status(400).json({ error: "give user (id or address) and password as strings" });
    }
    const account = find(user);
    if (!account) return void res.status(404).json({ error: `no user ${user}` });
    res.json({ user, matches: passwordMatches(account.held, password) ?? null });
  });
  return router;
}
