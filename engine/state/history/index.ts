/** @module engine/state/history — update history entries, the hash chain, failed steps and the environment an entry records */
export * from "./chain";
export * from "./environment";
export * from "./failed-steps";
export * from "./history";
