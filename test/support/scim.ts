import { startScimServer, type RunningScimServer, type ScimServerOptions } from "../../sandbox/scim";
import { configRequest } from "./provider-config";

/** Fast retries for tests: the backoff path runs, without seconds of waiting. */
export const quickRetry = { maxAttempts: 6, baseDelayMs: 5, maxDelayMs: 2000, maxTotalDelayMs: 10_000 };

/** A SCIMMY server plus the `identity:scim` config pointing instance `test` (and any extras) at it. */
export async function scimFixture(options: ScimServerOptions = {}, instance: Record<string, unknown> = {}) {
  const server: RunningScimServer = await startScimServer({ token: "test-token", ...options });
  const settings = {
    test: { baseUrl: server.url, token: server.token, retry: quickRetry, readAfterWriteMs: 2000, ...instance },
  };
  return { server, settings, request: configRequest({ "identity:scim": settings }) };
}
