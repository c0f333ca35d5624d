/**
 * @module engine/state
 * The diy (`file://`) backend exactly as the Pulumi CLI lays it out (meta.yaml v1, stacks/, history/, backups/,
 * locks/), so `pulumi login file://…` can take over any time. A run's steps go to an append-only journal (group
 * committed, see journal-records.ts) and become one checkpoint at `finish`; a crashed run's journal is replayed on
 * the next `loadDeployment`, its unfinished operations surfacing as `pending_operations`.
 */
export { openBackend, type Backend, type LoadedDeployment, type OpenBackendOptions } from "./backend";
export {
  Journal,
  type FinishOptions,
  type PendingStep,
  type StartUpdateOptions,
  type UpdateOperation,
} from "./journal";
export type { Unlock } from "./backend";
export {
  deploymentV3Schema,
  resourceV3Schema,
  updateInfoSchema,
  type DeploymentV3,
  type Manifest,
  type PendingOperation,
  type ResourceV3,
  type SecretsProvidersV1,
  type UpdateInfo,
  type UpdateKind,
  type UpdateResult,
} from "./checkpoint";
export { parseCheckpoint, serializeCheckpoint, type ReadCheckpoint } from "./checkpoint";
export { integrityProblems, providerUrn } from "./checkpoint";
export { orderResources } from "./checkpoint";
export { ENGINE_VERSION, manifestMagic, newManifest } from "./backend";
export { backendRoot, stackPaths, type StackPaths } from "./backend";
export { ciEnvironment, collectEnvironment, gitEnvironment } from "./history";
export { historyConfig, unixSeconds } from "./history";
export { validateDeployment, type SchemaResult } from "./validate";
export { StateCode, StateError } from "./errors";
export { appendToChain, chainEntry, hashOf, sha256, CHAIN_FILE, GENESIS, type ChainLine } from "./history";
export { FAILED_STEPS_KEY, FailedStep, failedStepsEnvironment, readFailedSteps } from "./history";
