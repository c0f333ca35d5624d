/**
 * @module stack
 * The identity stack: an access plan becomes one Pulumi resource per (person, app) and per managed group
 * (`IdentityStack`), read from a stack's HR export, roles and kill-switch overrides (`loadStackPlan`).
 * `identityProgram` is the whole Pulumi program; `stacks/index.ts` only calls it.
 */
export { IdentityStack, isCutoff, summarize, type IdentityStackArgs } from "./identity-stack";
export { identityProgram, type IdentityProgramOptions } from "./program";
export { loadStackPlan, type StackPlan } from "./load-plan";
export { appResources, type AppResources } from "./app-resources";
export { accountName, groupName, employeeIdOf, accountAppOf } from "./names";
export {
  heldAccounts,
  writeHeldAccounts,
  readHeldAccounts,
  HeldAccountsError,
  HELD_ACCOUNTS_ENV,
} from "./held-accounts";
export {
  Override,
  readOverrides,
  appendOverride,
  applyOverrides,
  settledOverrides,
  OverridesFileError,
} from "./overrides";
