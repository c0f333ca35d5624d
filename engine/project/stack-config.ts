import { isMap, isScalar } from "yaml";
import type { SecretsManager } from "../secrets";
import { createPassphraseSecretsManager } from "../secrets";
import { decodeConfig, keepSealed, namespacedKey } from "./config-values";
import { ProjectCode, ProjectError } from "./errors";
import type { Project } from "./project-file";
import { stackConfigPath } from "./stack-name";
import { findConfigKey, readStackDocument, setSalt, writeStackDocument } from "./stack-file";

export interface StackConfig {
  /** `<project>:key` → value as the program receives it (secrets decrypted, objects as JSON strings). */
  config: Record<string, string>;
  secretKeys: string[];
  encryptionSalt?: string;
}

/**
 * Reads Pulumi.<stack>.yaml (a missing file is an empty config) and decodes its values.
 * @param secrets decrypts `secure:` values; without it a secure value is an error naming its key.
 */
export async function loadStackConfig(project: Project, stack: string, secrets?: SecretsManager): Promise<StackConfig> {
  const file = stackConfigPath(project, stack);
  const { data } = await readStackDocument(file);
  if (secrets && data.encryptionsalt && data.encryptionsalt !== secrets.salt) throw saltMismatch(file);
  const decoded = decodeConfig(
    project.name,
    data.config ?? {},
    project.configDefaults,
    secrets ? (ct) => secrets.decrypt(ct) : undefined,
    file,
  );
  return { ...decoded, ...(data.encryptionsalt ? { encryptionSalt: data.encryptionsalt } : {}) };
}

/**
 * The stack's config for a run that holds no passphrase: every `secure:` value stays `{secure: <ciphertext>}`
 * inside its key's JSON, and the key is still listed as secret.
 */
export async function loadSealedStackConfig(project: Project, stack: string): Promise<StackConfig> {
  const file = stackConfigPath(project, stack);
  const { data } = await readStackDocument(file);
  const decoded = decodeConfig(project.name, data.config ?? {}, project.configDefaults, keepSealed, file);
  return { ...decoded, ...(data.encryptionsalt ? { encryptionSalt: data.encryptionsalt } : {}) };
}

export interface OpenStackSecretsOptions {
  passphrase: string;
  /** Salt to adopt when the stack file has none (e.g. the checkpoint's `secrets_providers` salt). */
  fallbackSalt?: string;
  /** Write a newly made salt into Pulumi.<stack>.yaml (default true), as `pulumi stack init` does. */
  persist?: boolean;
}

/** The stack's secrets manager, from its `encryptionsalt` — made (and saved) if the stack has none yet. */
export async function openStackSecrets(
  project: Project,
  stack: string,
  options: OpenStackSecretsOptions,
): Promise<SecretsManager> {
  const file = stackConfigPath(project, stack);
  const { doc, data } = await readStackDocument(file);
  const salt = data.encryptionsalt ?? options.fallbackSalt;
  const secrets = await createPassphraseSecretsManager({ passphrase: options.passphrase, ...(salt ? { salt } : {}) });
  if (!data.encryptionsalt && options.persist !== false) {
    setSalt(doc, secrets.salt);
    await writeStackDocument(file, doc);
  }
  return secrets;
}

export interface SetConfigOptions {
  secret?: boolean;
  /** Required when `secret`; its salt is written as `encryptionsalt` if the file has none. */
  secrets?: SecretsManager;
}

/** Sets one config value, keeping the file's comments, key order and formatting (yaml Document API). */
export async function setStackConfigValue(
  project: Project,
  stack: string,
  key: string,
  value: string,
  options: SetConfigOptions = {},
): Promise<void> {
  const file = stackConfigPath(project, stack);
  const fullKey = namespacedKey(project.name, key);
  const { doc, data } = await readStackDocument(file);
  let stored: string | { secure: string } = value;
  if (options.secret) {
    const secrets = options.secrets;
    if (!secrets) {
      throw new ProjectError(
        ProjectCode.secretNeedsPassphrase,
        `setting secret ${fullKey} needs the stack's passphrase`,
        "set PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE",
        { file, column: fullKey },
      );
    }
    if (data.encryptionsalt && data.encryptionsalt !== secrets.salt) throw saltMismatch(file);
    if (!data.encryptionsalt) setSalt(doc, secrets.salt);
    stored = { secure: secrets.encrypt(value) };
  }
  if (!doc.has("config") || doc.get("config") === null) doc.set("config", doc.createNode({}));
  const configMap = doc.get("config");
  // `config: {}` (what `pulumi stack init` may leave) becomes block style once it has keys, as Pulumi writes it.
  if (isMap(configMap) && configMap.flow && configMap.items.length === 0) configMap.flow = false;
  const path = ["config", findConfigKey(doc, project.name, fullKey) ?? fullKey];
  const existing = doc.getIn(path, true);
  // Updating the scalar in place keeps its inline comment; replacing the node would drop it.
  if (isScalar(existing) && typeof stored === "string") existing.value = stored;
  else doc.setIn(path, doc.createNode(stored));
  await writeStackDocument(file, doc);
}

function saltMismatch(file: string): ProjectError {
  return new ProjectError(
    ProjectCode.saltMismatch,
    `${file}: the secrets manager was made for another encryptionsalt`,
    "open the stack's secrets with openStackSecrets so the salt matches the file",
    { file },
  );
}

export interface ConfigEntry {
  /** Namespaced key (`<project>:key`). */
  key: string;
  /** Undefined for secrets: listing needs no passphrase and never shows one. */
  value: string | undefined;
  secret: boolean;
}

/** The stack's config for display, without decrypting anything; also returns the file's salt. */
export async function listStackConfig(
  project: Project,
  stack: string,
): Promise<{ entries: ConfigEntry[]; encryptionSalt?: string }> {
  const file = stackConfigPath(project, stack);
  const { data } = await readStackDocument(file);
  const { config, secretKeys } = decodeConfig(project.name, data.config ?? {}, project.configDefaults, () => "", file);
  const secret = new Set(secretKeys);
  const entries = Object.keys(config)
    .sort()
    .map((key) => ({ key, value: secret.has(key) ? undefined : config[key], secret: secret.has(key) }));
  return { entries, ...(data.encryptionsalt ? { encryptionSalt: data.encryptionsalt } : {}) };
}
