import express from "express";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { passwordCheckRoute, passwordMatches } from "../held-password";
import { createFaultController, faultControlRoutes, faultMiddleware, type FaultController } from "../faults";
import { Clock, entraTokenEndpoint, TokenIssuer } from "../oauth";
import type { EmulatorStartOptions, RunningEmulator } from "../registry";
import { batchRouter } from "./batch";
import { defaultEntraBehaviour, type EntraBehaviour } from "./behaviour";
import { EntraContext } from "./context";
import { directoryRouter } from "./directory-routes";
import { GraphApiError, graphErrorBody, renderGraphError } from "./errors";
import { groupsRouter } from "./groups-routes";
import { EntraStore, type DirectoryObject, type Json } from "./store";
import { requireGraphToken, Throttle } from "./throttle";
import { createUser, usersRouter } from "./users-routes";

export interface EntraEmulatorOptions extends EmulatorStartOptions {
  tenantId?: string;
  /** Verified domains (default example.com, as the demo HR data uses, and example.onmicrosoft.com); the first is the default. */
  domains?: string[];
  clientId?: string;
  clientSecret?: string;
  behaviour?: Partial<EntraBehaviour>;
}

/** What tests reach into: knobs, queued throttles, a movable clock, and state the API shows only indirectly. */
export interface EntraControl {
  behaviour: EntraBehaviour;
  throttleNext(count: number, retryAfterSeconds?: number): void;
  advanceClock(ms: number): void;
  object(idOrUpn: string): DirectoryObject | undefined;
  managerOf(userId: string): string | undefined;
  membersOf(groupId: string): string[];
  /** POST /users without HTTP, for seeding large tenants. */
  seedUser(body: Json): Json;
  /** Whether `password` is the one the user holds (undefined: no such user, or none held). */
  passwordMatches(idOrUpn: string, password: string): boolean | undefined;
  tokensIssued(): number;
}

export interface EntraEmulator extends RunningEmulator {
  tenantId: string;
  domain: string;
  clientId: string;
  clientSecret: string;
  control: EntraControl;
  faults: FaultController;
}

/** Starts the Microsoft Graph emulator (`/v1.0`) with its token endpoint at `/{tenant}/oauth2/v2.0/token`. */
export async function startEntraEmulator(options: EntraEmulatorOptions = {}): Promise<EntraEmulator> {
  const app = appRegistration(options);
  const { tenantId, clientId, clientSecret } = app;
  const domains = (options.domains ?? ["example.com", "example.onmicrosoft.com"]).map((d) => d.toLowerCase());
  const clock = new Clock();
  const behaviour: EntraBehaviour = { ...defaultEntraBehaviour, ...options.behaviour };
  const store = new EntraStore(options.dataDir ? path.join(options.dataDir, "entra.json") : undefined);
  store.load();
  let base = "";
  const ctx = new EntraContext(
    store,
    clock,
    () => behaviour,
    new Set(domains),
    () => base,
  );
  const issuer = new TokenIssuer(clock.now);
  const token = issuer.permanent({ client: clientId, scopes: ["https://graph.microsoft.com/.default"] });
  const throttle = new Throttle(() => behaviour, clock);
  const faults = createFaultController(clock.now);
  const findObject = (key: string) =>
    store.objects.get(key) ?? store.objects.get(store.upnIndex.get(key.toLowerCase()) ?? "") ?? store.deleted.get(key);
  const faultBody = (status: number, detail: string) =>
    graphErrorBody(new GraphApiError(status, status === 429 ? "TooManyRequests" : "ServiceUnavailable", detail));

  const web = express();
  web.use(faultControlRoutes(faults));
  web.use(
    passwordCheckRoute((key) => {
      const user = findObject(key);
      return user?.kind === "user" ? { held: user.password } : undefined;
    }),
  );
  web.post(
    "/:tenant/oauth2/v2.0/token",
    ...entraTokenEndpoint({ issuer, tenantId, clients: () => new Map([[clientId, clientSecret]]) }),
  );
  const api = express.Router();
  api.use(
    faultMiddleware(faults, { errorBody: faultBody }),
    requireGraphToken((h) => issuer.resolve(h)),
    throttle.middleware,
  );
  api.use(
    express.json({ limit: "4mb" }),
    batchRouter(() => `${base}/v1.0`),
    usersRouter(ctx),
    groupsRouter(ctx),
    directoryRouter(ctx),
  );
  api.use((req, _res, next) =>
    next(
      new GraphApiError(400, "BadRequest", `Resource not found for the segment '${req.path.split("/").pop() ?? ""}'.`),
    ),
  );
  web.use("/v1.0", api);
  web.use(renderGraphError);

  const server = await listen(createServer(web), options.port ?? 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokenUrl = `${base}/${tenantId}/oauth2/v2.0/token`;
  const control: EntraControl = {
    behaviour,
    throttleNext: (count, retryAfterSeconds = 1) =>
      throttle.queued.push(...Array<number>(count).fill(retryAfterSeconds)),
    advanceClock: (ms) => clock.advance(ms),
    object: findObject,
    managerOf: (id) => store.managers.get(id),
    membersOf: (id) => [...(store.members.get(id) ?? [])],
    seedUser: (body) => createUser(ctx, body).resource,
    passwordMatches: (key, password) => passwordMatches(findObject(key)?.password, password),
    tokensIssued: () => issuer.issuedCount,
  };
  return {
    name: "entra",
    url: `${base}/v1.0`,
    token,
    tokenUrl,
    tenantId,
    domain: domains[0],
    clientId,
    clientSecret,
    control,
    faults,
    extra: { tenantId, clientId, clientSecret, domain: domains[0] },
    stop: async () => {
      store.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Tenant and app registration: fixed by options, else kept in the data dir so stack config survives restarts. */
function appRegistration(options: EntraEmulatorOptions): { tenantId: string; clientId: string; clientSecret: string } {
  const file = options.dataDir ? path.join(options.dataDir, "entra-app.json") : undefined;
  const saved =
    file && existsSync(file)
      ? (JSON.parse(readFileSync(file, "utf8")) as { tenantId: string; clientId: string; clientSecret: string })
      : undefined;
  const app = {
    tenantId: options.tenantId ?? saved?.tenantId ?? randomUUID(),
    clientId: options.clientId ?? saved?.clientId ?? randomUUID(),
    clientSecret: options.clientSecret ?? saved?.clientSecret ?? randomBytes(24).toString("base64url"),
  };
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(app), { mode: 0o600 });
  }
  return app;
}

function listen(server: Server, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
