import { SecretsCode, SecretsError } from "./errors";
import type { SecretsManager } from "./passphrase-manager";

/**
 * The secrets manager of a run that holds no passphrase (`preview`: DESIGN.md §4.12). Nothing is decrypted:
 * `decrypt` hands back the ciphertext itself, JSON-encoded as the checkpoint decoder expects, so every state
 * secret stays a secret whose value is its ciphertext. `encrypt` refuses: a sealed run writes no state.
 * @param salt the stack's salt state (stack file or checkpoint), kept so the run can report which stack it is
 */
export function sealedSecretsManager(salt = ""): SecretsManager {
  return {
    salt,
    secretsProviders: { type: "passphrase", state: { salt } },
    encrypt() {
      throw new SecretsError(
        SecretsCode.sealed,
        "this run holds no passphrase (a preview decrypts and encrypts nothing), so it cannot write a secret",
        "run `idlc up` or `idlc refresh` with PULUMI_CONFIG_PASSPHRASE set to change the stack",
      );
    },
    decrypt: (ciphertext) => JSON.stringify(ciphertext),
  };
}

/** The passphrase variables a sealed run removes from the environment of its program and plugins. */
export const PASSPHRASE_VARIABLES = ["PULUMI_CONFIG_PASSPHRASE", "PULUMI_CONFIG_PASSPHRASE_FILE"] as const;
