/**
 * @module engine/provider-interface
 * The one door from provider/ into the engine (test/architecture/layers.test.ts holds both sides to it):
 * - the project and stack files as the Pulumi CLI reads them — which stack a command means (`--stack`, else
 *   `PULUMI_STACK`, else the only one) and where its `Pulumi.<stack>.yaml` is, so every idlc command agrees;
 * - what an auditor reads of the state the engine writes: the hash chain's format and checks, and the failed steps
 *   an update records.
 */
export { findProject, listStackNames, resolveStackName, stackConfigPath, ProjectError, type Project } from "./project";
export {
  appendToChain,
  chainEntry,
  hashOf,
  sha256,
  CHAIN_FILE,
  GENESIS,
  readFailedSteps,
  type ChainLine,
  type FailedStep,
} from "./state";
