/**
 * @module sandbox/entra
 * A local emulator of Microsoft Graph v1.0 for Entra ID users and groups: OData errors (duplicate UPN is 400
 * ObjectConflict), `$select`/`$filter`/`$top` and `@odata.nextLink` paging, manager and member `$ref`s,
 * revokeSignInSessions, `$batch` (≤ 20, dependsOn, 424), 429 + Retry-After, replication-lag 404s, 30-day
 * deleted items, and a client-credentials token endpoint.
 */
export { startEntraEmulator, type EntraEmulator, type EntraEmulatorOptions, type EntraControl } from "./server";
export { defaultEntraBehaviour, type EntraBehaviour } from "./behaviour";
export { entraEmulator } from "./definition";
