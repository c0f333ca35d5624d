/**
 * @module engine/secrets
 * Pulumi's passphrase secrets provider, byte-compatible with the Go CLI (pkg/secrets/passphrase/manager.go):
 * PBKDF2-SHA256 ×1e6 derived once per run, AES-256-GCM, a salt state that carries an encrypted "pulumi" as the
 * passphrase check. Ciphertexts written here decrypt with `pulumi` and vice versa. A sealed manager serves runs
 * that hold no passphrase (preview): every secret stays ciphertext.
 */
export {
  createPassphraseSecretsManager,
  type PassphraseSecretsManagerOptions,
  type SecretsManager,
  type SecretsProviders,
} from "./passphrase-manager";
export { passphraseFromEnv } from "./passphrase-env";
export { PASSPHRASE_VARIABLES, sealedSecretsManager } from "./sealed";
export { SecretsCode, SecretsError } from "./errors";
