import type { NextFunction, Request, Response } from "express";
import type { TokenGrant, TokenIssuer } from "../oauth";
import type { GoogleBehaviour, InjectedQuotaError } from "./behaviour";
import type { Clock } from "../oauth";
import { GoogleApiError } from "./errors";

const SCOPE_PREFIX = "https://www.googleapis.com/auth/admin.directory.";

/** Requests that resolve a bearer token to its grant; the emulator charges quotas to `res.locals.grant`. */
export function requireToken(issuer: TokenIssuer, staticGrant: TokenGrant) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const grant = issuer.resolve(req.headers.authorization);
    if (!grant) {
      const e = new GoogleApiError(
        401,
        "authError",
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
      );
      return next(e);
    }
    // A service account without domain-wide delegation (no `sub`) is not an admin of the domain.
    if (grant !== staticGrant && grant.subject === undefined)
      return next(new GoogleApiError(403, "forbidden", "Not Authorized to access this resource/api"));
    if (!grant.scopes.some((s) => s.startsWith(SCOPE_PREFIX) && !s.endsWith(".readonly")) && req.method !== "GET") {
      return next(
        new GoogleApiError(403, "insufficientPermissions", "Request had insufficient authentication scopes."),
      );
    }
    res.locals.grant = grant;
    next();
  };
}

const QUOTA_ERRORS: Record<InjectedQuotaError, [number, string]> = {
  userRateLimitExceeded: [
    403,
    "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'admin.googleapis.com'.",
  ],
  quotaExceeded: [403, "Quota exceeded: too many concurrent operations on this resource."],
  rateLimitExceeded: [429, "Rate Limit Exceeded"],
  backendError: [503, "Backend Error"],
};

export const quotaError = (reason: InjectedQuotaError): GoogleApiError =>
  new GoogleApiError(
    QUOTA_ERRORS[reason][0],
    reason,
    QUOTA_ERRORS[reason][1],
    reason === "backendError" ? "global" : "usageLimits",
  );

/**
 * Google's documented limits: a per-user queries-per-minute window (403 userRateLimitExceeded) and a
 * per-account concurrency cap (429 rateLimitExceeded), plus errors queued by tests.
 */
export class Quota {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private inFlight = 0;
  readonly queued: InjectedQuotaError[] = [];

  constructor(
    private readonly behaviour: () => GoogleBehaviour,
    private readonly clock: Clock,
  ) {}

  middleware = (req: Request, res: Response, next: NextFunction): void => {
    const injected = this.queued.shift();
    if (injected) return next(quotaError(injected));
    const who = (res.locals.grant as TokenGrant).subject ?? (res.locals.grant as TokenGrant).client;
    const now = this.clock.now();
    const window = this.windows.get(who);
    if (!window || now - window.start >= 60_000) this.windows.set(who, { start: now, count: 1 });
    else if (++window.count > this.behaviour().queriesPerMinutePerUser)
      return next(quotaError("userRateLimitExceeded"));
    if (this.inFlight >= this.behaviour().maxConcurrent) return next(quotaError("rateLimitExceeded"));
    this.inFlight++;
    res.once("close", () => this.inFlight--);
    next();
  };
}
