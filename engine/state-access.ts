/**
 * @module engine/state-access
 * The one door from provider/ into the engine: what an auditor reads of the state the engine writes — the hash
 * chain's format and checks, and the failed steps an update records. The engine implements it; provider/audit
 * imports this module and nothing else of engine/ (test/architecture/layers.test.ts holds both sides to that).
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
