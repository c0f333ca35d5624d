import { findProject, loadSealedStackConfig, loadStackConfig, openStackSecrets, resolveStackName, type Project, type StackConfig } from "../project";
import { fromResourceV3, type ResourceState } from "../deploy/resource-state";
import { makeSecret, type PropertyMap } from "../properties";
import { passphraseFromEnv, sealedSecretsManager, type SecretsManager } from "../secrets";
import { openSession, type StackSession } from "./session";

/** Everything an operation needs before it runs: project, config, secrets, the locked stack and its old state. */
export interface PreparedStack {
  project: Project;
  stack: string;
  secrets: SecretsManager;
  /** True when nothing was decrypted (a preview): secret config and state values are their ciphertext. */
  sealed: boolean;
  config: Record<string, string>;
  secretKeys: string[];
  /** Config as history records it: secrets as `{secure: <ciphertext of the raw string>}` (read only by updates). */
  readonly historyConfig: Record<string, string | { secure: string }>;
  /** The default provider's inputs: all config, namespaced, secret values wrapped. */
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

export async function prepareStack(cwd: string, stackName: string | undefined, env: NodeJS.ProcessEnv, options: PrepareOptions = {}): Promise<PreparedStack> {
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
      secrets = await openStackSecrets(project, stack, { passphrase: passphraseFromEnv(env), fallbackSalt: session.loaded.salt });
      loaded = await loadStackConfig(project, stack, secrets);
    }
    const { config, secretKeys } = loaded;
    const secretSet = new Set(secretKeys);
    const providerConfig: PropertyMap = {};
    for (const key of Object.keys(config).sort()) providerConfig[key] = secretSet.has(key) ? makeSecret(config[key]) : config[key];
    const oldOrder = session.loaded.resources.map((r) => fromResourceV3(r, secrets));
    let history: PreparedStack["historyConfig"] | undefined;
    return {
      project, stack, secrets, sealed, config, secretKeys, providerConfig, session, oldOrder,
      // Encrypting each secret key again costs a little per key; only an update that records history pays it.
      get historyConfig() {
        history ??= Object.fromEntries(
          Object.keys(config).sort().map((key) => [key, secretSet.has(key) ? { secure: secrets.encrypt(config[key]!) } : config[key]!]),
        );
        return history;
      },
    };
  } catch (err) {
    await session.release();
    throw err;
  }
}
