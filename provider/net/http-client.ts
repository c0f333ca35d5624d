import { defaultRetryPolicy, nextDelay, parseRetryAfter, type RetryPolicy } from "./backoff";
import { sharedRequestCounter, type RequestCounter } from "./counter";
import { errorDetailOf } from "./error-detail";
import { HttpError, kindForStatus } from "./errors";
import { pacersFor, type Pacer, type PaceRule } from "./pacer";
import { providerStatus, type StatusReporter } from "./status-reporter";
import { announcedTake, announcedWait, waitText } from "./wait-status";

export interface HttpClientOptions {
  /** App name used in counters and errors (`scim`, `slack`, …). */
  app: string;
  /** API root, e.g. `http://127.0.0.1:4000/scim/v2`; request paths are appended to it. */
  baseUrl: string;
  /** Returns the bearer token; called before every attempt so refreshed tokens are picked up. */
  auth?: () => Promise<string>;
  /** One pacer for every request, or rules (org-wide + per-endpoint) that all apply to a request. */
  pacer?: Pacer | PaceRule[];
  retry?: Partial<RetryPolicy>;
  /** Per attempt (default 30 s). */
  timeoutMs?: number;
  /** Where calls are counted (default: the process-wide `sharedRequestCounter()`). */
  counter?: RequestCounter;
  /** Where waits longer than a second are shown (default: the engine, inside a provider process; else nowhere). */
  status?: StatusReporter;
  /** Extracts the API's error detail from an error body (default: `errorDetailOf`). */
  errorDetail?: (body: unknown) => { detail?: string; apiCode?: string };
  headers?: Record<string, string>;
  /** Injected in tests: an instant sleep, a fixed random, a fake fetch. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  fetch?: typeof fetch;
}

export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses that are an answer, not an error (default: any 2xx). */
  expect?: number[];
  /** Treat a 404 within this many ms of the first attempt as read-after-write lag and retry it. */
  retryNotFoundFor?: number;
  /**
   * The caller needs only that the call succeeded: a 2xx answer is read to its end but not parsed (`body` is
   * undefined). Slack answers a membership PATCH with the whole group, megabytes for an all-company group. An error
   * answer is still parsed, for its detail.
   */
  ignoreAnswer?: boolean;
}

export interface HttpResponse<T = unknown> {
  status: number;
  body: T;
  /** Lower-cased header names. */
  headers: Record<string, string>;
}

export interface HttpClient {
  readonly app: string;
  request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>>;
}

type Attempt =
  { response: HttpResponse; error?: undefined } | { response?: undefined; error: { detail: string; cause: unknown } };

/**
 * The one HTTP client every connector uses: bearer auth, pacing, timeouts, retries with jittered exponential
 * backoff on 429/5xx/connection failures honouring `Retry-After`, bounded by a retry budget, and API errors
 * translated into the `HttpError` family. POST is retried too: connectors make creates safe to repeat (409 → adopt).
 * @example
 * const http = createHttpClient({ app: "scim", baseUrl, auth: async () => token });
 * const { body } = await http.request<ScimUser>({ method: "GET", path: `/Users/${id}`, retryNotFoundFor: 5000 });
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const { app } = options;
  const base = options.baseUrl.replace(/\/+$/, "");
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const counter = options.counter ?? sharedRequestCounter();
  const reporter = options.status ?? providerStatus();
  const detailOf = options.errorDetail ?? errorDetailOf;
  const rules: PaceRule[] = !options.pacer
    ? []
    : Array.isArray(options.pacer)
      ? options.pacer
      : [{ pacer: options.pacer }];

  async function attempt(req: HttpRequest, url: string): Promise<Attempt> {
    const headers: Record<string, string> = {
      accept: "application/scim+json, application/json",
      ...options.headers,
      ...req.headers,
    };
    if (options.auth) headers.authorization = `Bearer ${await options.auth()}`;
    let body: string | undefined;
    if (typeof req.body === "string") body = req.body;
    else if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers["content-type"] ??= "application/json";
    }
    try {
      const res = await (options.fetch ?? fetch)(url, {
        method: req.method,
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const answer = { status: res.status, headers: Object.fromEntries(res.headers) };
      if (req.ignoreAnswer && res.ok) {
        await res.arrayBuffer(); // read to its end all the same: the connection serves the next call
        return { response: { ...answer, body: undefined } };
      }
      return { response: { ...answer, body: parseBody(await res.text(), answer.headers["content-type"] ?? "") } };
    } catch (cause) {
      const timedOut = (cause as Error)?.name === "TimeoutError";
      const code =
        ((cause as { cause?: { code?: string } })?.cause?.code ?? (cause as Error)?.message) || "network error";
      return { error: { detail: timedOut ? `timed out after ${options.timeoutMs ?? 30_000} ms` : code, cause } };
    }
  }

  return {
    app,
    async request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
      const url = base + req.path + queryString(req.query);
      const started = now();
      let waited = 0;
      for (let n = 0; ; n++) {
        for (const pacer of pacersFor(rules, req.method, req.path)) await announcedTake(reporter, app, pacer);
        counter.record(app, req.method, n > 0);
        const result = await attempt(req, url);
        const status = result.response?.status ?? 0;
        const lagging = status === 404 && req.retryNotFoundFor !== undefined && now() - started < req.retryNotFoundFor;
        const retryAfterMs = parseRetryAfter(result.response?.headers["retry-after"], now());
        const retryable = lagging || status === 0 || status === 429 || (status >= 500 && status !== 501);
        // Lag retries are spread over the window so the attempt budget covers all of it.
        const lagFloor = lagging ? Math.ceil(req.retryNotFoundFor! / Math.max(1, policy.maxAttempts - 1)) : 0;
        const delay = Math.max(lagFloor, nextDelay(n, retryAfterMs, policy, options.random));
        const overBudget =
          n + 1 >= policy.maxAttempts || delay > policy.maxDelayMs || waited + delay > policy.maxTotalDelayMs;
        // A lagging 404 is retried while the budget lasts; after that it is the answer like any other.
        if (result.response && isAnswer(status, req.expect) && (!lagging || overBudget))
          return result.response as HttpResponse<T>;
        if (!retryable || overBudget) {
          const api = result.response ? detailOf(result.response.body) : { detail: result.error.detail };
          const budget = retryable ? ` (gave up after ${n + 1} attempts)` : "";
          throw new HttpError(
            kindForStatus(status),
            {
              app,
              method: req.method,
              path: req.path,
              status,
              detail: (api.detail ?? "") + budget || undefined,
              apiCode: api.apiCode,
            },
            { cause: result.error?.cause, retryAfterMs },
          );
        }
        const retryAfter = result.response?.headers["retry-after"];
        const reason = { kind: "retry", status, retryAfter, attempt: n, maxAttempts: policy.maxAttempts } as const;
        await announcedWait(reporter, () => waitText(app, delay, reason), delay, sleep);
        waited += delay;
      }
    },
  };
}

function isAnswer(status: number, expect: number[] | undefined): boolean {
  return expect ? expect.includes(status) : status >= 200 && status < 300;
}

function parseBody(text: string, contentType: string): unknown {
  if (!text) return undefined;
  if (!/json/i.test(contentType)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function queryString(query: HttpRequest["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : "";
}
