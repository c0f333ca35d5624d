/** How hard one request is retried. Every field has a default (`defaultRetryPolicy`). */
export interface RetryPolicy {
  /** Attempts in total, the first included (default 6). */
  maxAttempts: number;
  /** Cap of the first backoff step in ms; step n is drawn from [0, base·2ⁿ] ("full jitter", default 250). */
  baseDelayMs: number;
  /** No backoff step is longer than this; a `Retry-After` beyond it ends the retries (default 30 s). */
  maxDelayMs: number;
  /** The retry budget: total time spent waiting between attempts of one request (default 120 s). */
  maxTotalDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 30_000,
  maxTotalDelayMs: 120_000,
};

/** Full-jitter exponential backoff for retry number `retry` (0 = the first retry). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(random() * ceiling);
}

/**
 * `Retry-After` as milliseconds from now: either delay-seconds (`"120"`) or an HTTP date. Absent or unparseable
 * gives undefined; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * How long to wait before the next attempt: exactly the server's `Retry-After` when given (never sooner than it
 * asked), else jittered backoff.
 */
export function nextDelay(
  retry: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random?: () => number,
): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  return backoffDelay(retry, policy, random);
}
