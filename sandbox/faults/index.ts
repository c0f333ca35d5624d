/**
 * @module sandbox/faults
 * Fault injection for every emulator: latency, 429 bursts with `Retry-After`, 5xx, dropped connections (before
 * or after the change is made), 404-after-create for N ms, and a request log. Driven in-process
 * (`emulator.faults.set({...})`) or over HTTP (`POST /_faults`).
 * @example
 * const faults = createFaultController();
 * app.use(faultControlRoutes(faults));
 * app.use(faultMiddleware(faults));
 * faults.set({ rateLimit: { count: 3, retryAfterSeconds: 1 } });
 */
export { createFaultController } from "./controller";
export type { FaultAction, FaultController } from "./controller";
export { faultMiddleware, scimErrorBody } from "./middleware";
export type { FaultMiddlewareOptions } from "./middleware";
export { faultControlRoutes } from "./control-routes";
export { FaultSettings } from "./settings";
export type { FaultSettingsInput, RequestLogEntry } from "./settings";
