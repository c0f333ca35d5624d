/** An access token and when to stop using it. */
export interface CachedToken {
  value: string;
  expiresAt: number;
}

/** Keeps one access token until shortly before it expires; concurrent callers share one token request. */
export function tokenCache(
  fetchToken: () => Promise<CachedToken>,
  now: () => number = Date.now,
): () => Promise<string> {
  let current: CachedToken | undefined;
  let pending: Promise<CachedToken> | undefined;
  return async () => {
    // A minute of margin: a token must not expire between being handed out and reaching the API.
    if (current && current.expiresAt - 60_000 > now()) return current.value;
    pending ??= fetchToken().finally(() => (pending = undefined));
    current = await pending;
    return current.value;
  };
}
