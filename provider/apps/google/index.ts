/**
 * @module apps/google
 * Google Workspace over the Admin SDK Directory API: `GoogleAccount` and `GoogleGroup` dynamic resources.
 * Accounts adopt existing users (employee id, then address), suspend + signOut to disable, grant admin through
 * makeAdmin, carry the manager, title, department and cost center, and are deleted only once suspended (Google
 * keeps deleted users restorable for 20 days). Credentials: a service-account key with domain-wide delegation,
 * from `identity:google` in `configure()`. Refresh is served from one per-process snapshot of all users.
 */
export { GoogleAccount, type GoogleAccountArgs } from "./account";
export { GoogleGroup, type GoogleGroupArgs } from "./group";
export { googleAccountProvider } from "./provider";
export { googleGroupProvider, type GoogleGroupOutputs } from "./group-provider";
export { googleUserBody, observedSpec, orgUnitFor, groupEmail, type GoogleAccountOutputs } from "./account-mapping";
export { googleSettingsSchema, type GoogleSettings } from "./settings";
export { GoogleClient, type GoogleUser } from "./client";
export { employeeIdOf } from "./account-mapping";
export { GoogleAccountActiveError, GoogleGroupMissingError } from "./errors";
