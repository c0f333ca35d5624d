/**
 * @module apps/entra
 * Entra ID over Microsoft Graph: `EntraAccount` and `EntraGroup` dynamic resources. Accounts adopt existing users
 * (employee id, then UPN), disable with accountEnabled=false + revokeSignInSessions, carry the manager `$ref`,
 * HR fields and lifecycle dates, change memberships through `$batch`, and are soft-deleted only once disabled
 * (restorable for 30 days). Credentials: an app registration's client id and secret from `identity:entra` in
 * `configure()`. Refresh is served from one per-process snapshot of all users.
 */
export { EntraAccount, type EntraAccountArgs } from "./account";
export { EntraGroup, type EntraGroupArgs } from "./group";
export { entraAccountProvider } from "./provider";
export { entraGroupProvider, type EntraGroupOutputs } from "./group-provider";
export {
  entraUserBody,
  observedSpec,
  upnOf,
  type EntraAccountInputs,
  type EntraAccountOutputs,
} from "./account-mapping";
export { entraSettingsSchema, type EntraSettings } from "./settings";
export { EntraClient } from "./client";
export { EntraAccountActiveError, EntraGroupMissingError } from "./errors";
