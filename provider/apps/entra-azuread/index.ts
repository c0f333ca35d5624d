/**
 * @module apps/entra-azuread
 * Entra ID through the official `@pulumi/azuread` provider, the alternative to our Graph connector
 * (`identity:entra.mode: azuread`). `resourcesForEntraMode` gives the identity stack its app table for the
 * stack's mode; `azureadResources` declares `azuread.User`, `azuread.Group` and `azuread.GroupMember` under the
 * graph-mode resource names, with managers wired between users and passwords derived from a config secret, and
 * beside each User an `AzureadAccount` component recording the whole spec for the policy pack and audit.
 * Needs the Pulumi CLI and its azuread plugin: the offline engine runs dynamic providers only.
 */
export { resourcesForEntraMode } from "./select";
export { azureadResources } from "./resources";
export { AzureadAccount, AZUREAD_ACCOUNT_TYPE } from "./account-record";
export {
  entraMode,
  azureadConfig,
  EntraMode,
  entraModeShape,
  AzureadConfig,
  ENTRA_KEY,
  type AzureadSettings,
} from "./settings";
export { userArgs, groupArgs, type UserFields } from "./mapping";
export { initialPassword } from "./password";
export { EntraModeError, AzureadPlanError } from "./errors";
