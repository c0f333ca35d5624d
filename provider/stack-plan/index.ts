/**
 * @module stack-plan
 * A stack's plan as data, with no Pulumi in it: the HR export, kill-switch overrides and roles read and planned
 * (`loadStackPlan`), resource names, which accounts are cutoffs, and the accounts the stack holds. The CLI reads
 * these on every run, so this folder loads no `@pulumi/pulumi` (test/cli/lazy-commands.test.ts keeps it so);
 * `provider/stack` turns the plan into resources. What `idlc preview` needs before its program starts (names,
 * `isCutoff`, held accounts) the CLI imports by file: this index also loads the planner, with the HR reader and the
 * access resolver, which a preview needs only once its program is loading.
 */
export { loadStackPeople, loadStackPlan, type StackPlan } from "./load-plan";
export { accountName, groupName, employeeIdOf, accountAppOf } from "./names";
export { isCutoff } from "./cutoff";
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
