/**
 * @module sandbox/scim
 * The generic SCIM 2.0 server: SCIMMY behind express with our fixes, bearer auth, ETags, fault injection and
 * persistence. Several servers may run in one process (each start gets its own store, port and faults; SCIMMY's
 * global declarations are shared and dispatch per request), which is how `idlc sandbox start` runs them.
 */
import type { EmulatorDefinition } from "../registry";
import { startScimServer } from "./server";

export { startScimServer, scimBasePath } from "./server";
export type { RunningScimServer, ScimServerOptions } from "./server";
export { encodeFilterLiterals, decodeFilterExpression } from "./filter-literals";

export const scimEmulator: EmulatorDefinition = {
  name: "scim",
  start: (options) => startScimServer(options),
};
