import { isSecret, strip } from "./secrets";
import { shareString } from "./share-strings";
import { SECRET_SIG, SIG_KEY, type PropertyMap } from "./sentinels";

/** Encrypts/decrypts one string (the passphrase secrets manager's shape). */
export interface Crypter {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** In-memory value → checkpoint value: each secret becomes `{sig, ciphertext}` of the JSON of its stripped value. */
export function encodeValue(v: unknown, crypter: Crypter): unknown {
  if (isSecret(v)) return { [SIG_KEY]: SECRET_SIG, ciphertext: crypter.encrypt(JSON.stringify(strip(v.value))) };
  if (Array.isArray(v)) return v.map((x) => encodeValue(x, crypter));
  if (isObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = encodeValue(x, crypter);
    return out;
  }
  return v;
}

/** Checkpoint value → in-memory value (secret wrappers with plaintext values). */
export function decodeValue(v: unknown, crypter: Crypter): unknown {
  if (isObject(v) && v[SIG_KEY] === SECRET_SIG) {
    if (typeof v.ciphertext === "string")
      return { [SIG_KEY]: SECRET_SIG, value: JSON.parse(crypter.decrypt(v.ciphertext)) };
    if (typeof v.plaintext === "string") return { [SIG_KEY]: SECRET_SIG, value: JSON.parse(v.plaintext) };
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => decodeValue(x, crypter));
  if (isObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = decodeValue(x, crypter);
    return out;
  }
  return typeof v === "string" ? shareString(v) : v;
}

export function encodeMap(m: PropertyMap, crypter: Crypter): PropertyMap {
  return encodeValue(m, crypter) as PropertyMap;
}

export function decodeMap(m: PropertyMap | undefined, crypter: Crypter): PropertyMap {
  return m ? (decodeValue(m, crypter) as PropertyMap) : {};
}
