import type { RequestHandler } from "express";

/** A documented limit: at most `count` requests in any `windowMs`. */
export interface WindowLimit {
  count: number;
  windowMs: number;
}

/**
 * Answers 429 with `Retry-After` (whole seconds until the oldest request leaves the window) once any limit is
 * reached — the sliding-window behaviour HR APIs document (HiBob 50/min, Personio 300/min with 15/s bursts).
 * @param headers extra headers the vendor sends on a 429 (HiBob's `X-RateLimit-*`).
 */
export function windowLimiter(
  limits: WindowLimit[],
  body: (retryAfter: number) => unknown,
  headers: (limit: WindowLimit, resetAt: number) => Record<string, string> = () => ({}),
): RequestHandler {
  const seen: number[] = [];
  const longest = Math.max(0, ...limits.map((l) => l.windowMs));
  return (_req, res, next) => {
    const now = Date.now();
    while (seen.length > 0 && seen[0]! <= now - longest) seen.shift();
    for (const limit of limits) {
      const inWindow = seen.filter((t) => t > now - limit.windowMs);
      if (inWindow.length >= limit.count) {
        const resetAt = inWindow[inWindow.length - limit.count]! + limit.windowMs;
        const retryAfter = Math.max(1, Math.ceil((resetAt - now) / 1000));
        res
          .status(429)
          .set({ "Retry-After": String(retryAfter), ...headers(limit, resetAt) })
          .json(body(retryAfter));
        return;
      }
    }
    seen.push(now);
    next();
  };
}
