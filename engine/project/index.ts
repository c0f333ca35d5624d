/**
 * @module engine/project
 * Pulumi.yaml and Pulumi.<stack>.yaml as the Pulumi CLI reads them: project discovery (upward search), stack
 * choice, config decoding (namespaced keys, structured values as JSON strings, `secure:` values decrypted with
 * the passphrase provider, or kept sealed for a run without one) and comment-preserving `config set`.
 */
export { findProject, readProject, projectSchema, type Project } from "./project-file";
export { listStackNames, normalizeStackName, resolveStackName, stackConfigPath } from "./stack-name";
export { decodeConfig, keepSealed, namespacedKey, reveal, type DecodedConfig } from "./config-values";
export {
  listStackConfig,
  loadSealedStackConfig,
  loadStackConfig,
  openStackSecrets,
  setStackConfigValue,
  type ConfigEntry,
  type OpenStackSecretsOptions,
  type SetConfigOptions,
  type StackConfig,
} from "./stack-config";
export { ProjectCode, ProjectError } from "./errors";
