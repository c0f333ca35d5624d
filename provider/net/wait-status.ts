/**
 * The status line of a wait the HTTP client makes, as a person reads it on the app's line of the live view.
 * Pure: the client decides when to wait, this only says why.
 */
import type { Pacer } from "./pacer";
import type { StatusReporter } from "./status-reporter";

/** Shorter waits are not worth a line: they pass before a person could read one. */
export const ANNOUNCED_WAIT_MS = 1_000;

export type WaitReason =
  /** Our own pacing to the app's documented limit. */
  | { kind: "pacing"; perMinute: number }
  /** The server answered; `retryAfter` is its header as sent. */
  | { kind: "retry"; status: number; retryAfter?: string; attempt: number; maxAttempts: number };

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.round(ms / 1000)}s`;
}

export function waitText(app: string, waitMs: number, reason: WaitReason): string {
  const wait = `waiting ${seconds(waitMs)}`;
  if (reason.kind === "pacing") return `${wait} on ${app} rate limit (${reason.perMinute}/min)`;
  if (reason.status === 429) {
    const after = reason.retryAfter !== undefined ? `, Retry-After: ${reason.retryAfter}` : "";
    return `${wait} on ${app} rate limit (HTTP 429${after})`;
  }
  const answer = reason.status ? `HTTP ${reason.status}` : "no answer";
  return `${wait} to retry ${app} (${answer}, attempt ${reason.attempt + 1} of ${reason.maxAttempts})`;
}

/**
 * Waits `waitMs` via `sleep`, showing why on `status` while it lasts when it is long enough to notice.
 */
export async function announcedWait(
  status: StatusReporter,
  text: () => string,
  waitMs: number,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  const announce = waitMs > ANNOUNCED_WAIT_MS;
  if (announce) status.show(text());
  try {
    await sleep(waitMs);
  } finally {
    if (announce) status.clear();
  }
}

/** Takes a token from `pacer`, showing the wait for it on `status` when it is long enough to notice. */
export async function announcedTake(status: StatusReporter, app: string, pacer: Pacer): Promise<void> {
  let shown = false;
  await pacer.take((waitMs) => {
    if (waitMs <= ANNOUNCED_WAIT_MS) return;
    status.show(waitText(app, waitMs, { kind: "pacing", perMinute: pacer.perMinute }));
    shown = true;
  });
  if (shown) status.clear();
}
