import type { HttpError } from "../../net";

/** Google failures worth retrying that are not a 429/5xx: per-user and concurrency quotas, fresh users. */
export function googleTransient(error: HttpError): boolean {
  if (
    error.status === 403 &&
    ["userRateLimitExceeded", "quotaExceeded", "rateLimitExceeded"].includes(error.apiCode ?? "")
  )
    return true;
  return /User creation is not complete/i.test(error.detail ?? "");
}
