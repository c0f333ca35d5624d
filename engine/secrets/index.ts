/**
 * @module engine/secrets
 * Pulumi's passphrase secrets provider, byte-compatible with the Go CLI (pkg/secrets/passphrase/manager.go):
 * PBKDF2-SHA256 ×1e6 derived once per run, AES-256-GCM, a salt state that carries an encrypted "pulumi" as the
 * passphrase check. Ciphertexts written here decrypt with `pulumi` and vice versa.
 */
export {
  createPassphraseSecretsManager,
  type PassphraseSecretsManagerOptions,
  type SecretsManager,
  type SecretsProviders,
} from "./passphrase-manager";
export { passphraseFromEnv } from "./passphrase-env";
export { SecretsCode, SecretsError } from "./errors";
