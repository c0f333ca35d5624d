import type { NextFunction, Request, Response } from "express";
import type { Clock, TokenGrant } from "../oauth";
import type { EntraBehaviour } from "./behaviour";
import { GraphApiError } from "./errors";

const WRITE = new Set(["POST", "PATCH", "PUT", "DELETE"]);

/**
 * Graph's identity-and-access throttling, simplified to fixed windows per app: requests per 10 s and writes per
 * 150 s. Over either → 429 with `Retry-After` (whole seconds until the window resets). Tests can also queue
 * throttles for the next requests.
 */
export class Throttle {
  private readonly windows = new Map<string, { start: number; count: number }>();
  /** Retry-After seconds of throttles queued for the next requests. */
  readonly queued: number[] = [];

  constructor(
    private readonly behaviour: () => EntraBehaviour,
    private readonly clock: Clock,
  ) {}

  private over(key: string, spanMs: number, limit: number): number | undefined {
    const now = this.clock.now();
    const w = this.windows.get(key);
    if (!w || now - w.start >= spanMs) {
      this.windows.set(key, { start: now, count: 1 });
      return undefined;
    }
    return ++w.count > limit ? Math.max(1, Math.ceil((w.start + spanMs - now) / 1000)) : undefined;
  }

  middleware = (req: Request, res: Response, next: NextFunction): void => {
    const queued = this.queued.shift();
    const app = (res.locals.grant as TokenGrant).client;
    const retryAfter =
      queued ??
      this.over(`r:${app}`, 10_000, this.behaviour().requestsPer10Seconds) ??
      (WRITE.has(req.method) ? this.over(`w:${app}`, 150_000, this.behaviour().writesPer150Seconds) : undefined);
    if (retryAfter === undefined) return next();
    next(
      new GraphApiError(429, "TooManyRequests", "Too many requests.", undefined, { "Retry-After": String(retryAfter) }),
    );
  };
}

/** 401 InvalidAuthenticationToken unless the bearer token resolves; the grant goes to `res.locals.grant`. */
export function requireGraphToken(resolve: (authorization: string | undefined) => TokenGrant | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const grant = resolve(req.headers.authorization);
    if (!grant) return next(new GraphApiError(401, "InvalidAuthenticationToken", "Access token is empty or invalid."));
    res.locals.grant = grant;
    next();
  };
}
