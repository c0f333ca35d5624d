/**
 * @module engine/monitor
 * The gRPC ResourceMonitor + Engine service the Pulumi Node SDK talks to.
 */
export {
  startMonitor,
  type LogEntry,
  type MonitorHandler,
  type MonitorServer,
  type RegistrationResult,
} from "./server";
export type { Registration } from "./registration";
