import { z } from "zod";

/** Which requests a fault applies to (all when absent). `path` is a regular expression source. */
const Match = z.object({ methods: z.array(z.string()).optional(), path: z.string().optional() }).strict();

/**
 * Faults to inject, as sent to `POST /_faults` or `faults.set()`. Counted faults apply to the next `count`
 * matching requests, in this order of precedence: drop, rateLimit, serverError.
 */
export const FaultSettings = z
  .object({
    /** Added before every matching request is handled. */
    latencyMs: z.number().int().min(0).optional(),
    /** Answer 429 with `Retry-After: retryAfterSeconds` (default 1). */
    rateLimit: z
      .object({ count: z.number().int().min(0), retryAfterSeconds: z.number().min(0).default(1) })
      .strict()
      .optional(),
    /** Answer with a 5xx status (default 503). */
    serverError: z
      .object({ count: z.number().int().min(0), status: z.number().int().min(500).max(599).default(503) })
      .strict()
      .optional(),
    /**
     * Destroy the socket: `before` the request is handled (nothing happened), or `after` it was handled and
     * before the answer is sent (the change happened, the client never hears of it: a lost create response).
     */
    drop: z
      .object({ count: z.number().int().min(0), when: z.enum(["before", "after"]).default("before") })
      .strict()
      .optional(),
    /** A resource created by POST answers 404 to `GET …/<id>` for this many ms (read-after-write lag). */
    notFoundAfterCreateMs: z.number().int().min(0).optional(),
    match: Match.optional(),
  })
  .strict();
export type FaultSettings = z.infer<typeof FaultSettings>;
export type FaultSettingsInput = z.input<typeof FaultSettings>;

/** One handled request, for the log tests and benchmarks read. */
export interface RequestLogEntry {
  at: number;
  method: string;
  path: string;
  /** Final status; 0 when the connection was dropped. */
  status: number;
  /** The fault that answered it, if any. */
  fault?: "latency" | "rate-limit" | "server-error" | "drop-before" | "drop-after" | "not-found-after-create";
}
