/**
 * @module net
 * The HTTP core every API connector uses (the role baton-sdk's builder plays): one client over Node's fetch with
 * bearer auth, timeouts, retries with jittered backoff honouring `Retry-After` inside a retry budget,
 * token-bucket pacing from documented limits, read-after-write 404 retry, per-app call counting, page walking,
 * vendor errors translated once into the `HttpError` family, and waits shown live to the engine (`Engine.Log`,
 * ephemeral) from inside a provider process. No third-party imports: providers capture
 * this code by value when Pulumi serializes them.
 */
export { createHttpClient } from "./http-client";
export type { HttpClient, HttpClientOptions, HttpRequest, HttpResponse } from "./http-client";
export { backoffDelay, defaultRetryPolicy, nextDelay, parseRetryAfter } from "./backoff";
export type { RetryPolicy } from "./backoff";
export { createPacer, pacersFor, reserve } from "./pacer";
export type { BucketState, Pacer, PacerOptions, PaceRule } from "./pacer";
export { createRequestCounter, sharedRequestCounter } from "./counter";
export type { CallCounts, RequestCounter } from "./counter";
export { collectPages, walkPages } from "./pages";
export type { Page } from "./pages";
export { errorDetailOf } from "./error-detail";
export { createEngineLog } from "./engine-log";
export type { EngineLog, EngineLogEntry } from "./engine-log";
export { currentUrn, trackRequestUrns } from "./request-urn";
export { createStatusReporter, engineAddressOf, providerStatus, silentStatus } from "./status-reporter";
export type { StatusReporter, StatusReporterOptions } from "./status-reporter";
export { announcedTake, announcedWait, ANNOUNCED_WAIT_MS, waitText } from "./wait-status";
export type { WaitReason } from "./wait-status";
export { HttpError, PageTokenRepeatedError, fixForStatus, kindForStatus } from "./errors";
export type { HttpCallContext, HttpErrorKind } from "./errors";
