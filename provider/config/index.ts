/**
 * @module config
 * Stack configuration: validates idlc's settings under the `identity:` namespace of a stack's `Pulumi.<stack>.yaml`.
 * Finding the project and the stack's file is the engine's (engine/project, through engine/provider-interface). Keys owned elsewhere (roles, apps, safety) pass through untouched; `secure:` values
 * are never decrypted here.
 *
 * @example
 * const { settings, stackDir } = loadStackSettings({ cwd: process.cwd(), stack: "demo" });
 * const file = path.resolve(stackDir, settings.hr!.file);
 */
export { hrSettingsOf, loadStackSettings, namespace, type StackSettings } from "./stack";
export { IdentitySettings, HrSettings, AnomalySettings, SsprSettings, ShardSettings } from "./schema";
export { shardHolds } from "./shard-inherit";
export { StackConfigError } from "./errors";
