import { ProjectCode, ProjectError } from "./errors";

/**
 * What a config `secure:` value becomes: its plaintext (the raw string, not JSON), or — in a run that holds no
 * passphrase — `keepSealed`'s `{secure: <ciphertext>}`. Absent when secrets are an error.
 */
export type ConfigDecrypt = (ciphertext: string) => unknown;

/** Leaves a `secure:` value as the stack file holds it: a sealed run (preview) sees ciphertext only. */
export const keepSealed: ConfigDecrypt = (ciphertext) => ({ secure: ciphertext });

export interface DecodedConfig {
  /** `<namespace>:<key>` → string; objects and arrays as JSON strings, secure values decrypted (or kept sealed). */
  config: Record<string, string>;
  /** Keys whose value is or contains a secure value, sorted. */
  secretKeys: string[];
}

/** A key without a namespace belongs to the project, as `pulumi config set key` treats it. */
export function namespacedKey(projectName: string, key: string): string {
  if (!key || key.startsWith(":") || key.endsWith(":")) {
    throw new ProjectError(
      ProjectCode.keyInvalid,
      `"${key}" is not a valid config key`,
      "use `key` or `namespace:key`",
    );
  }
  return key.includes(":") ? key : `${projectName}:${key}`;
}

function isSecure(value: unknown): value is { secure: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { secure?: unknown }).secure === "string"
  );
}

/** Replaces every `{secure: …}` inside `value` by its plaintext; reports whether any was found. */
export function reveal(value: unknown, decrypt: ConfigDecrypt): { value: unknown; secret: boolean } {
  if (isSecure(value)) return { value: decrypt(value.secure), secret: true };
  if (Array.isArray(value)) {
    const items = value.map((item) => reveal(item, decrypt));
    return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => [k, reveal(v, decrypt)] as const);
    return {
      value: Object.fromEntries(entries.map(([k, r]) => [k, r.value])),
      secret: entries.some(([, r]) => r.secret),
    };
  }
  return { value, secret: false };
}

function asConfigString(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * Turns the `config:` map of Pulumi.<stack>.yaml (plus project defaults) into what the program receives.
 * @throws ProjectError `CONFIG_SECRET_NEEDS_PASSPHRASE` naming the key when a secure value meets no `decrypt`.
 */
export function decodeConfig(
  projectName: string,
  stackValues: Record<string, unknown>,
  projectDefaults: Record<string, unknown>,
  decrypt: ConfigDecrypt | undefined,
  file: string,
): DecodedConfig {
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [rawKey, rawValue] of Object.entries(stackValues)) {
    const key = namespacedKey(projectName, rawKey);
    const { value, secret } = reveal(rawValue, (ct) => {
      if (!decrypt) {
        throw new ProjectError(
          ProjectCode.secretNeedsPassphrase,
          `${file}: config key ${key} is a secret and no passphrase was given`,
          "set PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE",
          { file, column: key },
        );
      }
      return decrypt(ct);
    });
    config[key] = asConfigString(value);
    if (secret) secretKeys.push(key);
  }
  for (const [rawKey, declared] of Object.entries(projectDefaults)) {
    const key = namespacedKey(projectName, rawKey);
    if (key in config) continue;
    const fallback =
      typeof declared === "object" && declared !== null && !Array.isArray(declared)
        ? ((declared as Record<string, unknown>).value ?? (declared as Record<string, unknown>).default)
        : declared;
    if (fallback !== undefined) config[key] = asConfigString(fallback);
  }
  return { config, secretKeys: secretKeys.sort() };
}
