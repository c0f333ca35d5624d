/** Knobs tests turn to reproduce what the Directory API does under load and right after writes. */
export interface GoogleBehaviour {
  /** A new user answers 404 to get and is missing from list for this long after insert. */
  visibilityDelayMs: number;
  /** Mutations on a new user fail with "User creation is not complete." for this long after insert. */
  creationIncompleteMs: number;
  /** Member inserts into a new group answer 404 groupKey for this long after the group is created. */
  groupPropagationMs: number;
  /** Queries per minute per user per project (Google's default is 2,400); over it → 403 userRateLimitExceeded. */
  queriesPerMinutePerUser: number;
  /** Requests in flight at once per customer; over it → 429 rateLimitExceeded (a limit Google cannot raise). */
  maxConcurrent: number;
  /** Days a deleted user can be undeleted. */
  restoreDays: number;
}

export const defaultGoogleBehaviour: GoogleBehaviour = {
  visibilityDelayMs: 0,
  creationIncompleteMs: 0,
  groupPropagationMs: 0,
  queriesPerMinutePerUser: 2400,
  maxConcurrent: 50,
  restoreDays: 20,
};

/** Quota failures a test can queue for the next N API requests. */
export type InjectedQuotaError = "userRateLimitExceeded" | "quotaExceeded" | "rateLimitExceeded" | "backendError";
