/**
 * @module sandbox/google
 * A local emulator of the Google Workspace Admin SDK Directory API v1 (users, groups, members, orgunits) with
 * Google's error shapes, paging, quotas (403 userRateLimitExceeded/quotaExceeded, 429), eventual consistency
 * after insert, 20-day undelete, multipart/mixed batch (≤ 1,000 calls, unordered) and a service-account
 * (JWT-bearer) token endpoint.
 */
export { startGoogleEmulator, type GoogleEmulator, type GoogleEmulatorOptions, type GoogleControl } from "./server";
export { defaultGoogleBehaviour, type GoogleBehaviour, type InjectedQuotaError } from "./behaviour";
export { googleEmulator } from "./definition";
