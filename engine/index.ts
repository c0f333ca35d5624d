/**
 * @module engine
 * The offline Pulumi engine: runs an unchanged Pulumi Node program (dynamic resources + components) through the
 * SDK's own runner, dynamic-provider host and policy-pack host, and keeps state in the diy (`file://`) backend
 * format. `runOperation` is the library entry; `addOperationOptions`/`runOperationCommand` are the CLI glue.
 */
export { runOperation } from "./operations/run-operation";
export type { ChildEnv, OperationKind, OperationResult, PlanSummary, RunOperationOptions } from "./operations/types";
export { readStackOutputs } from "./operations/stack-outputs";
export {
  addOperationOptions,
  runOperationCommand,
  type OperationFlags,
  type OperationHooks,
} from "./command/operation-command";
export * from "./events";
export * from "./errors";
export { maskForDisplay, isSecret, strip } from "./properties";
