/**
 * @module stack
 * The identity stack: an access plan becomes one Pulumi resource per (person, app) and per managed group
 * (`IdentityStack`), from the plan `provider/stack-plan` reads (HR export, roles, kill-switch overrides).
 * `identityProgram` is the whole Pulumi program; `stacks/index.ts` only calls it.
 */
export { IdentityStack, summarize, type IdentityStackArgs } from "./identity-stack";
export { identityProgram, type IdentityProgramOptions } from "./program";
export { appResources, type AppResources } from "./app-resources";
