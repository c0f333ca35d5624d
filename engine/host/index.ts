/**
 * @module engine/host
 * Child processes the engine drives: the Pulumi program (`cmd/run`), the dynamic provider host and plugin plumbing.
 */
export { runProgram, programEnv, EXIT_ERROR_REPORTED, type ProgramLaunch } from "./program";
export { programHeapArgs } from "./program-args";
export { prestartProgram } from "./prestart";
export { startDynamicProviderHost, type DynamicProviderHost, type DiffResult, type ResourceRef } from "./provider-host";
export { spawnPlugin, resolveSdk, type PluginProcess } from "./plugin-process";
export * as proto from "./proto";
