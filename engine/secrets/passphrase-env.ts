import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { SecretsCode, SecretsError } from "./errors";

/**
 * The passphrase, as the Pulumi CLI reads it: `PULUMI_CONFIG_PASSPHRASE` if set (even empty), else the trimmed
 * contents of the file named by `PULUMI_CONFIG_PASSPHRASE_FILE`.
 * @throws SecretsError naming both variables when neither is set, or when the file cannot be read.
 */
export function passphraseFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const phrase = env.PULUMI_CONFIG_PASSPHRASE;
  if (phrase !== undefined) return phrase;
  const file = env.PULUMI_CONFIG_PASSPHRASE_FILE;
  if (file) {
    const path = resolve(file);
    try {
      return readFileSync(path, "utf8").trim();
    } catch (cause) {
      throw new SecretsError(
        SecretsCode.passphraseFileUnreadable,
        `PULUMI_CONFIG_PASSPHRASE_FILE names ${path}, which cannot be read`,
        "point PULUMI_CONFIG_PASSPHRASE_FILE at a readable file containing the passphrase",
        { file: path },
        cause,
      );
    }
  }
  throw new SecretsError(
    SecretsCode.passphraseMissing,
    "no passphrase: neither PULUMI_CONFIG_PASSPHRASE nor PULUMI_CONFIG_PASSPHRASE_FILE is set",
    "set PULUMI_CONFIG_PASSPHRASE, or PULUMI_CONFIG_PASSPHRASE_FILE to a file containing the passphrase",
  );
}
