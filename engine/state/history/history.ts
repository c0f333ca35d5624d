import type { UpdateInfo } from "../checkpoint/apitype";
import type { FinishOptions, UpdateOperation } from "../journal/journal";

/** Seconds since the epoch from a Date or a unix time in seconds or milliseconds. */
export function unixSeconds(time: Date | number): number {
  const ms = time instanceof Date ? time.getTime() : time > 1e11 ? time : time * 1000;
  return Math.floor(ms / 1000);
}

/** The `.history.json` record (backend.UpdateInfo) of a finished run. */
export function updateInfo(kind: UpdateOperation, finish: FinishOptions, end: Date = new Date()): UpdateInfo {
  return {
    kind,
    startTime: unixSeconds(finish.startTime),
    message: finish.message ?? "",
    environment: finish.environment,
    config: finish.config,
    version: 0,
    result: finish.result,
    endTime: unixSeconds(end),
    resourceChanges: finish.resourceChanges,
  };
}

/**
 * Stack config in the config.Map JSON encoding history uses: plain strings, and secret keys as
 * `{secure: <ciphertext of the raw string>}` so no secret reaches history in plain text.
 */
export function historyConfig(
  config: Record<string, string>,
  secretKeys: readonly string[],
  encrypt: (plaintext: string) => string,
): Record<string, string | { secure: string }> {
  const secret = new Set(secretKeys);
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [key, secret.has(key) ? { secure: encrypt(value) } : value]),
  );
}
