import { errorFamily } from "../../errors";

/** Stable codes of the secrets folder. */
export const SecretsCode = {
  passphraseMissing: "SECRETS_PASSPHRASE_MISSING",
  passphraseIncorrect: "SECRETS_PASSPHRASE_INCORRECT",
  passphraseFileUnreadable: "SECRETS_PASSPHRASE_FILE_UNREADABLE",
  stateMalformed: "SECRETS_STATE_MALFORMED",
  ciphertextMalformed: "SECRETS_CIPHERTEXT_MALFORMED",
  decryptFailed: "SECRETS_DECRYPT_FAILED",
  sealed: "SECRETS_SEALED",
} as const;
export type SecretsCode = (typeof SecretsCode)[keyof typeof SecretsCode];

/** Anything that stops a secret from being encrypted or decrypted. Messages never contain a secret. */
export class SecretsError extends errorFamily<SecretsCode>("SecretsError") {}
