/**
 * Token-bucket pacing from an API's documented limits (e.g. Slack SCIM: 600 writes/min org-wide, burst 180).
 * The bucket math is pure (`reserve`) so it is tested with a fake clock; `createPacer` wraps it with a sleep.
 */

export interface PacerOptions {
  /** Sustained rate: tokens added per minute. */
  perMinute: number;
  /** Bucket size: requests allowed back to back after a quiet period. */
  burst: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface BucketState {
  tokens: number;
  at: number;
}

/**
 * Take one token at `now`. The bucket may go negative: that is a reservation, and the caller waits `waitMs`
 * until the token it took would have been refilled. Concurrent callers therefore queue fairly without a lock.
 */
export function reserve(
  state: BucketState,
  now: number,
  perMinute: number,
  burst: number,
): { state: BucketState; waitMs: number } {
  const perMs = perMinute / 60_000;
  const refilled = Math.min(burst, state.tokens + Math.max(0, now - state.at) * perMs);
  const tokens = refilled - 1;
  return { state: { tokens, at: Math.max(now, state.at) }, waitMs: tokens >= 0 ? 0 : Math.ceil(-tokens / perMs) };
}

export interface Pacer {
  /** Wait until a request may go out; `onWait` hears how long, before the wait starts (only when there is one). */
  take(onWait?: (waitMs: number) => void): Promise<void>;
  readonly perMinute: number;
  readonly burst: number;
}

/**
 * A token-bucket pacer. Compose limits by giving a client several (org-wide + per-endpoint):
 * a request goes out once it holds a token from each.
 * @throws RangeError when the limits are not positive
 */
export function createPacer(options: PacerOptions): Pacer {
  const { perMinute, burst } = options;
  if (!(perMinute > 0) || !(burst >= 1))
    throw new RangeError(`pacer needs perMinute > 0 and burst >= 1 (got ${perMinute}, ${burst})`);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let state: BucketState = { tokens: burst, at: now() };
  return {
    perMinute,
    burst,
    async take(onWait) {
      const step = reserve(state, now(), perMinute, burst);
      state = step.state;
      if (step.waitMs > 0) {
        onWait?.(step.waitMs);
        await sleep(step.waitMs);
      }
    },
  };
}

/** One pacing rule: a pacer applied to the requests it matches (all when `methods`/`path` are absent). */
export interface PaceRule {
  methods?: string[];
  path?: RegExp;
  pacer: Pacer;
}

/** The pacers a request must pass, from a list of rules (org-wide first, then per-endpoint). */
export function pacersFor(rules: PaceRule[], method: string, path: string): Pacer[] {
  return rules
    .filter((rule) => (!rule.methods || rule.methods.includes(method)) && (!rule.path || rule.path.test(path)))
    .map((rule) => rule.pacer);
}
