/** @module provider/audit/read — reading a stack's history: the backend's files or exported JSON, parsed into update and state records */
export * from "./parse";
export * from "./policy-events";
export * from "./read-backend";
export * from "./merge-stacks";
export * from "./read-exports";
export * from "./resources";
export * from "./update";
export * from "./wire";
