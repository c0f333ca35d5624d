import { createCipheriv, createDecipheriv, pbkdf2, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { SecretsCode, SecretsError } from "./errors";

// Pulumi's symmetric crypter (sdk/go/common/resource/config/crypt.go): PBKDF2-SHA256, 1e6 rounds, AES-256-GCM with a
// 12-byte nonce, written `v1:<b64 nonce>:<b64 ciphertext||tag>`.
const ITERATIONS = 1_000_000;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const pbkdf2Async = promisify(pbkdf2);

/** Derives the AES key. Async on purpose: 1e6 rounds take ~0.5 s and must not block the event loop. */
export function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return pbkdf2Async(passphrase, salt, ITERATIONS, 32, "sha256");
}

export function encryptWithKey(key: Buffer, plaintext: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `v1:${nonce.toString("base64")}:${body.toString("base64")}`;
}

/** Decrypts `v1:<nonce>:<ct||tag>`; throws `SecretsError` (never returning garbage) when the key is wrong. */
export function decryptWithKey(key: Buffer, ciphertext: string): string {
  const parts = ciphertext.split(":");
  if (parts.length !== 3 || parts[0] !== "v1") {
    throw new SecretsError(
      SecretsCode.ciphertextMalformed,
      `a secret value is not in Pulumi's "v1:<nonce>:<ciphertext>" form`,
      "re-set the value with `idlc config set --secret KEY` (or `pulumi config set --secret`)",
    );
  }
  const nonce = Buffer.from(parts[1]!, "base64");
  const body = Buffer.from(parts[2]!, "base64");
  if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) {
    throw new SecretsError(
      SecretsCode.ciphertextMalformed,
      "a secret value has a truncated nonce or ciphertext",
      "re-set the value with `idlc config set --secret KEY`",
    );
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, nonce);
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch (cause) {
    throw new SecretsError(
      SecretsCode.decryptFailed,
      "a secret value could not be decrypted: it was encrypted with another passphrase or salt, or it was altered",
      "use the passphrase this stack was created with (PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE)",
      {},
      cause,
    );
  }
}
