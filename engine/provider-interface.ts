/**
 * @module engine/provider-interface
 * One of provider/'s two doors into the engine (test/architecture/layers.test.ts holds provider/ to them): the project
 * and stack files as the Pulumi CLI reads them — which stack a command means (`--stack`, else `PULUMI_STACK`, else the
 * only one) and where its `Pulumi.<stack>.yaml` is, so every idlc command agrees. The Pulumi program loads this door,
 * so it names nothing of the state: the audit's door is engine/audit-interface.ts (~30 modules the program never needs).
 */
export { findProject, listStackNames, resolveStackName, stackConfigPath, ProjectError, type Project } from "./project";
