import {
  findProject,
  loadSealedStackConfig,
  loadStackConfig,
  openStackSecrets,
  resolveStackName,
  type Project,
  type StackConfig,
} from "../project";
import { DEFAULT_PROVIDER_TYPE } from "../deploy/default-provider";
import { fromResourceV3, type ResourceState } from "../deploy/resource-state";
import { hasSecret, isSecret, makeSecret, type PropertyMap } from "../properties";
import { passphraseFromEnv, SecretsCode, SecretsError, sealedSecretsManager, type SecretsManager } from "../secrets";
import { historyConfig } from "../state";
import { openSession, type StackSession } from "./session";

/** Everything an operation needs before it runs: project, config, secrets, the locked stack and its old state. */
export interface PreparedStack {
  project: Project;
  stack: string;
  secrets: SecretsManager;
  config: Record<string, string>;
  secretKeys: string[];
  /** Config as history records it: secrets as `{secure: <ciphertext of the raw string>}` (only updates ask). */
  historyConfig(): Record<string, string | { secure: string }>;
  /** The default provider's inputs: all config, namespaced, secret values wrapped (sealed in a sealed run). */
  providerConfig: PropertyMap;
  session: StackSession;
  oldOrder: ResourceState[];
}

export interface PrepareOptions {
  /**
   * Decrypt nothing and read no passphrase (DESIGN.md §4.12): config `secure:` values and state secrets stay
   * ciphertext, so the program, the provider host and the policy packs of a preview never hold a secret.
   */
  sealed?: boolean;
}

export async function prepareStack(
  cwd: string,
  stackName: string | undefined,
  env: NodeJS.ProcessEnv,
  options: PrepareOptions = {},
): Promise<PreparedStack> {
  const project = findProject(cwd);
  const stack = resolveStackName(project, stackName, env);
  const session = await openSession(project, stack, env);
  const sealed = options.sealed === true;
  try {
    let secrets: SecretsManager;
    let loaded: StackConfig;
    if (sealed) {
      loaded = await loadSealedStackConfig(project, stack);
      secrets = sealedSecretsManager(loaded.encryptionSalt ?? session.loaded.salt);
    } else {
      const passphrase = passphraseFromEnv(env);
      secrets = await openStackSecrets(project, stack, { passphrase, fallbackSalt: session.loaded.salt });
      loaded = await loadStackConfig(project, stack, secrets);
    }
    const { config, secretKeys } = loaded;
    const secretSet = new Set(secretKeys);
    const sortedConfig = Object.fromEntries(
      Object.keys(config)
        .sort()
        .map((key) => [key, config[key]!]),
    );
    const providerConfig: PropertyMap = {};
    for (const [key, value] of Object.entries(sortedConfig)) {
      providerConfig[key] = secretSet.has(key) ? makeSecret(value) : value;
    }
    const oldOrder = session.loaded.resources.map((r) => fromResourceV3(r, secrets));
    if (sealed) {
      refuseSecretInputs(oldOrder);
      keepSealedProviderSecrets(providerConfig, secretKeys, oldOrder);
    }
    return {
      project,
      stack,
      secrets,
      config,
      secretKeys,
      providerConfig,
      session,
      oldOrder,
      // Only an update records history; a sealed run has nothing to encrypt with.
      historyConfig: () => historyConfig(sortedConfig, secretKeys, (plaintext) => secrets.encrypt(plaintext)),
    };
  } catch (err) {
    await session.release();
    throw err;
  }
}

/**
 * A sealed run compares the program's inputs with state, so an old resource whose inputs hold a secret would be
 * compared with its ciphertext and planned as changed: refuse instead of showing a wrong plan. Providers are
 * exempt (their inputs are the stack config, which a sealed run hands them sealed too); idlc's account and group
 * resources never hold a secret input (DESIGN.md §4.5).
 */
function refuseSecretInputs(oldOrder: ResourceState[]): void {
  const found = oldOrder.find((r) => r.custom && !r.type.startsWith("pulumi:providers:") && hasSecret(r.inputs));
  if (!found) return;
  throw new SecretsError(
    SecretsCode.sealed,
    `${found.urn} holds a secret input in state, which a preview without the passphrase cannot compare`,
    "preview it with the passphrase and IDLC_CREDENTIALS=write (that preview decrypts), or keep secrets out of inputs",
    { urn: found.urn },
  );
}

/**
 * The default provider's inputs are the stack config, compared with the last update's to plan a provider update.
 * A sealed run sees two different ciphertexts of what may be the same secret, so it cannot tell a rotated credential
 * from an unchanged one: it keeps the old sealed value for every key that was and still is secret (no provider
 * update is planned for it; the next `up` records the new value). Non-secret config is compared as always.
 */
function keepSealedProviderSecrets(providerConfig: PropertyMap, secretKeys: string[], oldOrder: ResourceState[]): void {
  const old = oldOrder.find((r) => r.type === DEFAULT_PROVIDER_TYPE && r.urn.endsWith("::default") && !r.delete);
  if (!old) return;
  for (const key of secretKeys) if (isSecret(old.inputs[key])) providerConfig[key] = old.inputs[key];
}
