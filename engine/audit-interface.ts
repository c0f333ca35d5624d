/**
 * @module engine/audit-interface
 * provider/'s other door into the engine (see engine/provider-interface.ts): what an auditor reads of the state the
 * engine writes — the hash chain's format and checks, and the failed steps an update records.
 */
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
