/** @module provider/audit/chain — verifying the tamper-evident hash chain the engine appends to */
export * from "./verify-chain";
export * from "./event-chain";
export * from "./event-log-head";
