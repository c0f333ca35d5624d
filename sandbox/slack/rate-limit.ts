/** A documented limit: sustained requests per minute and the burst tolerated on top (app-apis.md §1.5). */
export interface Limit {
  perMinute: number;
  burst: number;
}

/** Slack's SCIM limits, org-wide and shared by all SCIM apps. Each request draws from every bucket it falls in. */
export const SLACK_SCIM_LIMITS = {
  writes: { perMinute: 600, burst: 180 },
  reads: { perMinute: 1000, burst: 1000 },
  "GET /Users/{id}": { perMinute: 300, burst: 300 },
  "GET /Groups/{id}": { perMinute: 300, burst: 300 },
  "POST /Users": { perMinute: 180, burst: 20 },
  "PUT|PATCH /Users/{id}": { perMinute: 180, burst: 20 },
  "DELETE /Users/{id}": { perMinute: 180, burst: 20 },
  "POST /Groups": { perMinute: 180, burst: 20 },
  "DELETE /Groups/{id}": { perMinute: 180, burst: 20 },
  "PUT|PATCH /Groups/{id}": { perMinute: 180, burst: 80 },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof SLACK_SCIM_LIMITS;

/** Which buckets a request draws from; `resource` is `Users` or `Groups`, `withId` when the path names one. */
export function bucketsFor(method: string, resource: "Users" | "Groups", withId: boolean): LimitName[] {
  const item = withId ? `/${resource}/{id}` : `/${resource}`;
  if (method === "GET") return withId ? ["reads", `GET ${item}` as LimitName] : ["reads"];
  const verb = method === "PUT" || method === "PATCH" ? "PUT|PATCH" : method;
  const specific = `${verb} ${item}`;
  return specific in SLACK_SCIM_LIMITS ? ["writes", specific as LimitName] : ["writes"];
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets refilled continuously at `perMinute × scale`, holding at most `burst` tokens.
 * A request is admitted only when every bucket it falls in has a token, and then takes one from each.
 */
export class RateLimiter {
  private readonly buckets = new Map<LimitName, Bucket>();

  constructor(
    private readonly scale = 1,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when admitted; otherwise the milliseconds until the scarcest bucket has a token again. */
  take(names: LimitName[]): number {
    const t = this.now();
    let wait = 0;
    for (const name of names) {
      const bucket = this.refill(name, t);
      if (bucket.tokens < 1) wait = Math.max(wait, ((1 - bucket.tokens) * 60_000) / this.rate(name));
    }
    if (wait > 0) return Math.ceil(wait);
    for (const name of names) this.buckets.get(name)!.tokens -= 1;
    return 0;
  }

  private rate(name: LimitName): number {
    return SLACK_SCIM_LIMITS[name].perMinute * this.scale;
  }

  private refill(name: LimitName, t: number): Bucket {
    const { burst } = SLACK_SCIM_LIMITS[name];
    const bucket = this.buckets.get(name) ?? { tokens: burst, at: t };
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) * this.rate(name)) / 60_000);
    bucket.at = t;
    this.buckets.set(name, bucket);
    return bucket;
  }
}

/** Slack locks a user or group while a write is in progress; a second write meanwhile is `resource_locked`. */
export class ResourceLocks {
  private readonly held = new Set<string>();

  /** A release function, or undefined when the resource is already locked. */
  acquire(key: string): (() => void) | undefined {
    if (this.held.has(key)) return undefined;
    this.held.add(key);
    return () => this.held.delete(key);
  }
}
