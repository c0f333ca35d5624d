/**
 * @module sandbox
 * Local emulators of the app APIs on 127.0.0.1, for tests and the demo. `registry.ts` lists them (each app's
 * folder adds one entry); `startSandbox` runs them all in one detached background process with state under
 * `.idlc/sandbox/` (`sandbox.json`: urls, tokens, pid); `startEmulators` runs them in-process for tests.
 * Every emulator can inject faults (`sandbox/faults`).
 */
export { emulators } from "./registry";
export type { EmulatorDefinition, EmulatorStartOptions, RunningEmulator } from "./registry";
export { startEmulators } from "./run-emulators";
export type { StartedEmulators } from "./run-emulators";
export { sandboxStatus, startSandbox, stopSandbox } from "./control";
export type { SandboxControlOptions } from "./control";
export { sandboxDir } from "./state";
export type { SandboxApp, SandboxState } from "./state";
export { SandboxStartError } from "./errors";
export { createFaultController, faultControlRoutes, faultMiddleware, scimErrorBody } from "./faults";
export type { FaultController, FaultSettingsInput, RequestLogEntry } from "./faults";
export { scimEmulator, startScimServer } from "./scim";
export type { RunningScimServer, ScimServerOptions } from "./scim";
