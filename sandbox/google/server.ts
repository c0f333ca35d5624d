import express from "express";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { passwordCheckRoute, passwordMatches } from "../held-password";
import { createFaultController, faultControlRoutes, faultMiddleware, type FaultController } from "../faults";
import { Clock, createServiceAccountKey, googleTokenEndpoint, TokenIssuer, type ServiceAccountKey } from "../oauth";
import type { EmulatorStartOptions, RunningEmulator } from "../registry";
import { defaultGoogleBehaviour, type GoogleBehaviour, type InjectedQuotaError } from "./behaviour";
import { batchRouter } from "./batch";
import { GoogleContext } from "./context";
import { errorBody, GoogleApiError, renderGoogleError } from "./errors";
import { groupsRouter } from "./groups-routes";
import { Quota, requireToken } from "./guards";
import { orgUnitsRouter } from "./orgunits-routes";
import { GoogleStore, type Json, type UserRecord } from "./store";
import { insertUser, usersRouter } from "./users-routes";
import { writableFields } from "./user-model";

export interface GoogleEmulatorOptions extends EmulatorStartOptions {
  domain?: string;
  customerId?: string;
  /** The super admin the service account impersonates (domain-wide delegation `sub`). */
  adminEmail?: string;
  behaviour?: Partial<GoogleBehaviour>;
}

/** What tests reach into: knobs, queued quota errors, a movable clock, and facts the API does not expose. */
export interface GoogleControl {
  behaviour: GoogleBehaviour;
  failNext(reason: InjectedQuotaError, count?: number): void;
  advanceClock(ms: number): void;
  user(key: string): UserRecord | undefined;
  deletedUser(id: string): UserRecord | undefined;
  /** users.insert without HTTP, for seeding large directories. */
  seedUser(body: Json): Json;
  /** Whether `password` is the one the user holds (undefined: no such user, none held, or a crypt hash). */
  passwordMatches(key: string, password: string): boolean | undefined;
  tokensIssued(): number;
}

export interface GoogleEmulator extends RunningEmulator {
  domain: string;
  customerId: string;
  adminEmail: string;
  serviceAccountKey: ServiceAccountKey;
  control: GoogleControl;
  /** Generic fault injection (latency, 429 bursts, 5xx, dropped connections) and the request log. */
  faults: FaultController;
}

/** Starts the Directory API emulator on 127.0.0.1 with its OAuth token endpoint at `/token`. */
export async function startGoogleEmulator(options: GoogleEmulatorOptions = {}): Promise<GoogleEmulator> {
  const domain = (options.domain ?? "example.com").toLowerCase();
  const customerId = options.customerId ?? "C03az79cb";
  const adminEmail = (options.adminEmail ?? `admin@${domain}`).toLowerCase();
  const clock = new Clock();
  const behaviour: GoogleBehaviour = { ...defaultGoogleBehaviour, ...options.behaviour };
  const store = new GoogleStore(options.dataDir ? path.join(options.dataDir, "google.json") : undefined);
  store.load();
  const ctx = new GoogleContext(store, clock, () => behaviour, customerId, domain);
  const issuer = new TokenIssuer(clock.now);
  const staticGrant = {
    client: "sandbox",
    subject: adminEmail,
    scopes: ["https://www.googleapis.com/auth/admin.directory.user"],
  };
  const token = issuer.permanent(staticGrant);
  const quota = new Quota(() => behaviour, clock);
  let tokenUrl = "";
  const sa = loadOrCreateKey(options.dataDir, () => tokenUrl);
  const faults = createFaultController(clock.now);
  const faultBody = (status: number, detail: string) =>
    errorBody(new GoogleApiError(status, status === 429 ? "rateLimitExceeded" : "backendError", detail));

  const app = express();
  app.use(faultControlRoutes(faults));
  app.use(
    passwordCheckRoute((key) => {
      const user = store.userByKey(key);
      return user && { held: user.password };
    }),
  );
  app.post(
    "/token",
    ...googleTokenEndpoint({
      issuer,
      tokenUrl: () => tokenUrl,
      nowSeconds: () => Math.floor(clock.now() / 1000),
      serviceAccounts: () => new Map([[sa.key.client_email, sa.publicKeyPem]]),
      delegatedAdmins: () => new Set([adminEmail]),
    }),
  );
  const api = express.Router();
  api.use(faultMiddleware(faults, { errorBody: faultBody }), requireToken(issuer, staticGrant), quota.middleware);
  api.use(express.json({ limit: "5mb" }), usersRouter(ctx), groupsRouter(ctx), orgUnitsRouter(ctx));
  app.use("/admin/directory/v1", api);
  app.use(batchRouter(() => base));
  app.use(renderGoogleError);

  const server = await listen(createServer(app), options.port ?? 0);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tokenUrl = `${base}/token`;
  sa.key.token_uri = tokenUrl;
  const control: GoogleControl = {
    behaviour,
    failNext: (reason, count = 1) => quota.queued.push(...Array<InjectedQuotaError>(count).fill(reason)),
    advanceClock: (ms) => clock.advance(ms),
    user: (key) => store.userByKey(key),
    deletedUser: (id) => store.deleted.get(id),
    seedUser: (body) => insertUser(ctx, writableFields(body)).resource,
    passwordMatches: (key, password) => passwordMatches(store.userByKey(key)?.password, password),
    tokensIssued: () => issuer.issuedCount,
  };
  return {
    name: "google",
    url: `${base}/admin/directory/v1`,
    token,
    tokenUrl,
    domain,
    customerId,
    adminEmail,
    serviceAccountKey: sa.key,
    control,
    faults,
    extra: { domain, customerId, subject: adminEmail, serviceAccountKey: JSON.stringify(sa.key) },
    stop: async () => {
      store.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

/** A persisted sandbox keeps its service-account key so stack config stays valid across restarts. */
function loadOrCreateKey(
  dataDir: string | undefined,
  tokenUrl: () => string,
): { key: ServiceAccountKey; publicKeyPem: string } {
  const file = dataDir ? path.join(dataDir, "google-service-account.json") : undefined;
  if (file && existsSync(file))
    return JSON.parse(readFileSync(file, "utf8")) as { key: ServiceAccountKey; publicKeyPem: string };
  const created = createServiceAccountKey(tokenUrl());
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(created), { mode: 0o600 });
  }
  return created;
}
