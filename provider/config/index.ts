/**
 * @module config
 * Stack configuration: finds the Pulumi project (`Pulumi.yaml`, searched upward), reads a stack's
 * `Pulumi.<stack>.yaml` from the project's `stackConfigDir`, and validates idlc's settings under the
 * `identity:` namespace. Keys owned elsewhere (roles, apps, safety) pass through untouched; `secure:` values
 * are never decrypted here.
 *
 * @example
 * const { settings, stackDir } = loadStackSettings({ cwd: process.cwd(), stack: "demo" });
 * const file = path.resolve(stackDir, settings.hr!.file);
 */
export { findProject, type Project } from "./project";
export { loadStackSettings, listStacks, namespace, type StackSettings } from "./stack";
export { IdentitySettings, HrSettings, AnomalySettings, SsprSettings, ShardSettings } from "./schema";
export { shardHolds } from "./shard-inherit";
export { StackConfigError } from "./errors";
