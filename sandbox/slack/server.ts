import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createFaultController, faultControlRoutes, faultMiddleware, type FaultController } from "../faults";
import type { EmulatorStartOptions, RunningEmulator } from "../registry";
import { discoveryRoutes } from "./discovery";
import { SCIM_ERROR_URN, SlackScimError } from "./errors";
import { RateLimiter } from "./rate-limit";
import { resourceRoutes } from "./routes";
import { SlackStore, type UserRecord } from "./store";
import type { SlackQuirks } from "./users";

export interface SlackEmulatorOptions extends EmulatorStartOptions {
  /** The bearer token to accept; a fresh `xoxp-…` one when absent. */
  token?: string;
  /** Multiplies Slack's documented per-minute limits (benchmarks); `false` turns rate limiting off. Default 1. */
  rateLimitScale?: number | false;
  /** How long each write holds its resource's lock (to provoke `resource_locked`). Default 0. */
  writeDelayMs?: number;
}

/** What tests reach into: incident switches, the seeded primary owner, and the store itself. */
export interface SlackControl {
  quirks: SlackQuirks;
  primaryOwner(): UserRecord;
  user(id: string): UserRecord | undefined;
}

export interface SlackEmulator extends RunningEmulator {
  control: SlackControl;
  /** Fault injection and the request log; also served at `<origin>/_faults`. */
  faults: FaultController;
}

/** `invalid_authentication` for a wrong token, `missing_authentication` for none (app-apis.md §1.6). */
function bearerAuth(token: string): RequestHandler {
  return (req, _res, next) => {
    const header = req.get("authorization");
    if (!header) throw new SlackScimError(401, "missing_authentication");
    if (header !== `Bearer ${token}`) throw new SlackScimError(401, "invalid_authentication");
    next();
  };
}

/** A persisted sandbox keeps its token so stack config stays valid across restarts. */
function sandboxToken(dataDir: string | undefined): string {
  const file = dataDir ? path.join(dataDir, "slack-token") : undefined;
  if (file && existsSync(file)) return readFileSync(file, "utf8").trim();
  const token = `xoxp-${randomBytes(12).toString("hex")}`;
  if (file) writeFileSync(file, token, { mode: 0o600 });
  return token;
}

const renderError: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof SlackScimError) {
    if (err.retryAfterSeconds !== undefined) res.set("Retry-After", String(err.retryAfterSeconds));
    res.status(err.status).json(err.body());
    return;
  }
  const parseFailure = (err as { type?: string }).type === "entity.parse.failed";
  const failure = parseFailure
    ? new SlackScimError(400, "invalid_request_payload")
    : new SlackScimError(500, "internal_error");
  res.status(failure.status).json(failure.body());
};

/**
 * Starts Slack's SCIM v2 API on 127.0.0.1 at `<url>` = `http://127.0.0.1:<port>/scim/v2`, with a seeded
 * primary owner, Slack's limits and error bodies. In memory unless `dataDir` is given.
 * @example
 * const slack = await startSlackEmulator();
 * await fetch(`${slack.url}/Users`, { headers: { authorization: `Bearer ${slack.token}` } });
 */
export async function startSlackEmulator(options: SlackEmulatorOptions = {}): Promise<SlackEmulator> {
  const store = SlackStore.open(options.dataDir);
  const token = options.token ?? sandboxToken(options.dataDir);
  const quirks: SlackQuirks = { deactivateOnNextUpdates: 0 };
  const scale = options.rateLimitScale ?? 1;
  const limiter = scale === false ? undefined : new RateLimiter(scale);

  const faults = createFaultController();
  const api = express.Router();
  // Faults come first so the log counts every request, even ones refused for a bad token.
  api.use(faultMiddleware(faults, { errorBody: (status, detail) => ({ schemas: [SCIM_ERROR_URN], detail, status }) }));
  api.use(bearerAuth(token));
  api.use(express.json({ type: ["application/json", "application/scim+json"], limit: "10mb" }));
  api.use(discoveryRoutes(), resourceRoutes({ store, quirks, limiter, writeDelayMs: options.writeDelayMs ?? 0 }));
  api.use(() => {
    throw new SlackScimError(404, "invalid_endpoint");
  });
  const app = express();
  // Slack advertises no ETag support (discovery.ts); express would otherwise hash every answer, all-hands included.
  app.set("etag", false);
  app.use(faultControlRoutes(faults));
  app.use("/scim/v2", api);
  app.use(renderError);

  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
  return {
    name: "slack",
    url,
    token,
    extra: { primaryOwnerId: store.primaryOwner().id },
    faults,
    control: { quirks, primaryOwner: () => store.primaryOwner(), user: (id) => store.users.get(id) },
    stop: async () => {
      store.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
