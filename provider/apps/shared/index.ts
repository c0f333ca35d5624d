/**
 * @module apps/shared
 * What every account provider shares: reading `identity:<app>` settings in `configure()` (lazily-built zod
 * schema, errors naming the key; `readOnly` credentials for refresh; none at all in a preview — credentials.ts),
 * the account/group input checks returning failures as data, the account field
 * table (what a change to each field does in each app: an app call, or the state only) with the diff and update
 * gate every account provider runs through it (a name or email change is never a replace), the refuse-to-delete-an-enabled-account guard, and the
 * HTTP clients' kit: initial passwords, retry-while-transient, absent-on-404, the token cache, per-process user
 * snapshots and member caches.
 * Nothing here imports a third-party package at its top: providers capture these modules by value. The resource
 * classes import project-provider.ts and release-inputs.ts by file: the Pulumi program loads them, and this index
 * would load the HTTP kit too.
 */
export { readAppSettings, appSettingsStore } from "./settings";
export type { ConfigSource, SchemaFactory } from "./settings";
export { checkAccountInputs, checkGroupInputs } from "./check";
export type { CheckFailure, ExtraFields } from "./check";
export { diffFields, sameValue } from "./diff";
export type { FieldDiff } from "./diff";
export { refuseEnabledDelete } from "./guards";
export {
  AccountStillEnabledError,
  AppNotConfiguredError,
  AppSettingsError,
  CredentialsModeError,
  CredentialsWithheldError,
} from "./errors";
export { credentialsMode, guardCredentials, publicSettings, type CredentialsMode } from "./credentials";
export { READ_ONLY_GRANTS } from "./read-only";
export { projectProvider } from "./project-provider";
export { releaseInputs } from "./release-inputs";
export { resolveSandboxSettings } from "./sandbox-settings";
export { groupProviderBasics, GROUP_FIELDS } from "./group-basics";
export { generatePassword } from "./password";
export { absentOn404, retryWhen } from "./retry";
export { tokenCache } from "./token-cache";
export type { CachedToken } from "./token-cache";
export { MemberCache, UserSnapshot } from "./snapshot";
export { ACCOUNT_FIELD_OUTCOMES, APP_EXTRA_FIELDS, accountFieldOutcomes, fieldOutcome } from "./account-fields";
export type { FieldOutcome, MappedField } from "./account-fields";
export { appFieldsChanged, appWork, diffAccount, recordOnlyOutputs } from "./account-diff";
