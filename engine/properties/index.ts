/**
 * @module engine/properties
 * The Pulumi property model: wire sentinels, secret strip/annotate, deep equality, checkpoint encoding.
 */
export * from "./sentinels";
export * from "./secrets";
export * from "./equal";
export * from "./checkpoint";
export * from "./ignore-changes";
