import { createHash, randomBytes } from "node:crypto";
import { decryptWithKey, deriveKey, encryptWithKey } from "./crypt";
import { SecretsCode, SecretsError } from "./errors";

/** `secrets_providers` as written into a checkpoint's deployment. */
export interface SecretsProviders {
  type: "passphrase";
  state: { salt: string };
}

/** Encrypts and decrypts raw strings for one stack. Config `secure:` values encrypt the raw string; state secrets
 * encrypt the JSON encoding of the value — the caller decides which string to pass. */
export interface SecretsManager {
  /** `v1:<b64 salt>:v1:<nonce>:<ct>`: `encryptionsalt` in Pulumi.<stack>.yaml and the checkpoint's salt state. */
  readonly salt: string;
  readonly secretsProviders: SecretsProviders;
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
}

export interface PassphraseSecretsManagerOptions {
  passphrase: string;
  /** An existing stack's salt state; omitted for a new stack, which gets 8 random salt bytes. */
  salt?: string;
}

// The passphrase check: Pulumi encrypts this word with the derived key and stores it after the salt.
const CHECK_WORD = "pulumi";

// Key derivation costs ~0.5 s per (passphrase, salt); Go caches managers per state for the same reason.
const derivedKeys = new Map<string, Promise<Buffer>>();

function cachedKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  const id = createHash("sha256").update(passphrase).update("\0").update(salt).digest("hex");
  let key = derivedKeys.get(id);
  if (!key) {
    key = deriveKey(passphrase, salt);
    derivedKeys.set(id, key);
    key.catch(() => derivedKeys.delete(id));
  }
  return key;
}

function parseSaltState(state: string): { salt: Buffer; check: string } {
  const [version, salt, ...rest] = state.split(":");
  if (version !== "v1" || !salt || rest.length !== 3) {
    throw new SecretsError(
      SecretsCode.stateMalformed,
      `the passphrase salt "${state.slice(0, 24)}…" is not in Pulumi's "v1:<salt>:v1:<nonce>:<ciphertext>" form`,
      "restore `encryptionsalt` in Pulumi.<stack>.yaml from version control, or re-create the stack's secrets",
    );
  }
  return { salt: Buffer.from(salt, "base64"), check: rest.join(":") };
}

/**
 * Builds the passphrase secrets manager of Pulumi's diy backend, deriving the key once (asynchronously).
 * @throws SecretsError `SECRETS_PASSPHRASE_INCORRECT` when `salt` was made with another passphrase.
 * @example const sm = await createPassphraseSecretsManager({ passphrase: passphraseFromEnv(), salt });
 */
export async function createPassphraseSecretsManager(
  options: PassphraseSecretsManagerOptions,
): Promise<SecretsManager> {
  const { passphrase } = options;
  let saltState = options.salt;
  let key: Buffer;
  if (saltState === undefined) {
    const saltBytes = randomBytes(8);
    key = await cachedKey(passphrase, saltBytes);
    saltState = `v1:${saltBytes.toString("base64")}:${encryptWithKey(key, CHECK_WORD)}`;
  } else {
    const { salt, check } = parseSaltState(saltState);
    key = await cachedKey(passphrase, salt);
    let word: string | undefined;
    try {
      word = decryptWithKey(key, check);
    } catch {
      word = undefined;
    }
    if (word !== CHECK_WORD) {
      throw new SecretsError(
        SecretsCode.passphraseIncorrect,
        "incorrect passphrase: it does not unlock this stack's secrets",
        "set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) to the passphrase the stack was created with",
      );
    }
  }
  const salt = saltState;
  return {
    salt,
    secretsProviders: { type: "passphrase", state: { salt } },
    encrypt: (plaintext) => encryptWithKey(key, plaintext),
    decrypt: (ciphertext) => decryptWithKey(key, ciphertext),
  };
}
