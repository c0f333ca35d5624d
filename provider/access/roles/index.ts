/** @module provider/access/roles — role files (YAML, CSV) parsed and checked into one catalog of roles, rules and grants */
export * from "./entitlements";
export * from "./role-catalog";
export * from "./role-files";
export * from "./role-model";
export * from "./role-schema";
export * from "./role-sets";
export * from "./roles-csv";
export * from "./roles-yaml";
export * from "./rule-match";
export * from "./yaml-source";
