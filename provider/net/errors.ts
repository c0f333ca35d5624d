import { IdlcError } from "../errors";

/** The few outcomes every vendor error is translated to, once, at the client edge. */
export type HttpErrorKind =
  "unauthenticated" | "permission-denied" | "not-found" | "conflict" | "rate-limited" | "unavailable" | "invalid";

/** Where a failed call went. Never holds a header, so a token cannot leak through an error. */
export interface HttpCallContext {
  app: string;
  method: string;
  /** The request path without its query string. */
  path: string;
  /** HTTP status; 0 when no response arrived (timeout, reset, refused). */
  status: number;
  /** The API's own error text (SCIM `detail`, Google/Graph `error.message`, Slack `error`). */
  detail?: string;
  /** The API's machine-readable error type when it has one (SCIM `scimType`, Graph `error.code`). */
  apiCode?: string;
}

const fixes: Record<HttpErrorKind, string> = {
  unauthenticated: "Check the app's token in stack config (`pulumi config set --secret identity:<app> ...`).",
  "permission-denied": "Grant the credential the admin scope this call needs, then run again.",
  "not-found": "The object no longer exists in the app; run `idlc refresh` to bring the state in line.",
  conflict: "Another object already holds this value or it changed underneath us; run `idlc refresh`, then again.",
  "rate-limited": "The app kept refusing with 429; wait a few minutes or lower the pace, then run again.",
  unavailable: "The app did not answer properly; check its status and the network, then run again.",
  invalid: "The app rejected the request body; the detail above names the attribute to correct.",
};

/** A failed HTTP call to an app's API: app, method, path, status and the API's detail — never a credential. */
export class HttpError extends IdlcError {
  override name = "HttpError";
  readonly kind: HttpErrorKind;
  readonly app: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly apiCode: string | undefined;
  /** Milliseconds the server asked us to wait (429/503 `Retry-After`), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(kind: HttpErrorKind, call: HttpCallContext, options: { cause?: unknown; retryAfterMs?: number } = {}) {
    const what = call.status ? `HTTP ${call.status}` : "no response";
    const detail = call.detail ? `: ${call.detail}` : "";
    const message = `${call.app}: ${call.method} ${call.path} failed (${what})${detail}`;
    super(`HTTP_${kind.toUpperCase().replace("-", "_")}`, message, {
      fix: fixes[kind],
      cause: options.cause,
      context: { app: call.app, method: call.method, path: call.path, status: call.status },
    });
    // Set again: a provider rehydrated from state runs this class as a function, where `super()` cannot set it.
    this.message = message;
    this.kind = kind;
    this.app = call.app;
    this.method = call.method;
    this.path = call.path;
    this.status = call.status;
    this.detail = call.detail;
    this.apiCode = call.apiCode;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Which kind an HTTP status means; 0 (no response) and 5xx are `unavailable`. */
export function kindForStatus(status: number): HttpErrorKind {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "permission-denied";
  if (status === 404 || status === 410) return "not-found";
  if (status === 409 || status === 412) return "conflict";
  if (status === 429) return "rate-limited";
  if (status === 0 || status >= 500) return "unavailable";
  return "invalid";
}

/** The one-sentence fix for a failed call that answered this HTTP status (as `HttpError.fix` carries it). */
export function fixForStatus(status: number): string {
  return fixes[kindForStatus(status)];
}

/** A list walk handed back a page token it had already given: a connector or server bug that would loop forever. */
export class PageTokenRepeatedError extends IdlcError {
  override name = "PageTokenRepeatedError";
  constructor(app: string, token: string) {
    const message = `${app}: the list API returned page token '${token}' a second time`;
    super("PAGE_TOKEN_REPEATED", message, {
      fix: "This is a connector or server bug (the walk would never end); report it with the app's name.",
      context: { app, token },
    });
    this.message = message; // see HttpError
  }
}
