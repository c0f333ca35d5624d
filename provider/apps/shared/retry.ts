import { defaultRetryPolicy, HttpError, nextDelay, type RetryPolicy } from "../../net";

/**
 * Retries a call while `retryable` says its failure is transient in a way the shared client cannot know
 * (Google's 403 rate reasons and "User creation is not complete", Graph's inner `$batch` failures), with the same
 * jittered backoff and budget as provider/net.
 */
export async function retryWhen<T>(
  retryable: (error: HttpError) => boolean,
  call: () => Promise<T>,
  options: { policy?: Partial<RetryPolicy>; sleep?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  const policy = { ...defaultRetryPolicy, ...options.policy };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let waited = 0;
  for (let n = 0; ; n++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof HttpError) || !retryable(error)) throw error;
      const delay = nextDelay(n, error.retryAfterMs, policy);
      if (n + 1 >= policy.maxAttempts || waited + delay > policy.maxTotalDelayMs) throw error;
      await sleep(delay);
      waited += delay;
    }
  }
}

/**
 * The call's answer, or undefined when the object is not there (404, or 410 Gone: HttpError's "not-found"):
 * absence is an answer, not a failure.
 */
export async function absentOn404<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof HttpError && error.kind === "not-found") return undefined;
    throw error;
  }
}
