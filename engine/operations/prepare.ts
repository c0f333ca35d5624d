import { findProject, loadStackConfig, openStackSecrets, resolveStackName, type Project } from "../project";
import { fromResourceV3, type ResourceState } from "../deploy/resource-state";
import { makeSecret, type PropertyMap } from "../properties";
import { passphraseFromEnv, type SecretsManager } from "../secrets";
import { openSession, type StackSession } from "./session";

/** Everything an operation needs before it runs: project, config, secrets, the locked stack and its old state. */
export interface PreparedStack {
  project: Project;
  stack: string;
  secrets: SecretsManager;
  config: Record<string, string>;
  secretKeys: string[];
  /** Config as history records it: secrets as `{secure: <ciphertext of the raw string>}`. */
  historyConfig: Record<string, string | { secure: string }>;
  /** The default provider's inputs: all config, namespaced, secret values wrapped. */
  providerConfig: PropertyMap;
  session: StackSession;
  oldOrder: ResourceState[];
}

export async function prepareStack(cwd: string, stackName: string | undefined, env: NodeJS.ProcessEnv): Promise<PreparedStack> {
  const project = findProject(cwd);
  const stack = resolveStackName(project, stackName, env);
  const session = await openSession(project, stack, env);
  try {
    const secrets = await openStackSecrets(project, stack, { passphrase: passphraseFromEnv(env), fallbackSalt: session.loaded.salt });
    const { config, secretKeys } = await loadStackConfig(project, stack, secrets);
    const secretSet = new Set(secretKeys);
    const providerConfig: PropertyMap = {};
    const historyConfig: PreparedStack["historyConfig"] = {};
    for (const key of Object.keys(config).sort()) {
      providerConfig[key] = secretSet.has(key) ? makeSecret(config[key]) : config[key];
      historyConfig[key] = secretSet.has(key) ? { secure: secrets.encrypt(config[key]!) } : config[key]!;
    }
    const oldOrder = session.loaded.resources.map((r) => fromResourceV3(r, secrets));
    return { project, stack, secrets, config, secretKeys, historyConfig, providerConfig, session, oldOrder };
  } catch (err) {
    await session.release();
    throw err;
  }
}
