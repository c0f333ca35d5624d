import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import express, { type NextFunction, type Request, type Response } from "express";
import SCIMMYRouters from "scimmy-routers";
import {
  createFaultController,
  faultControlRoutes,
  faultMiddleware,
  scimErrorBody,
  type FaultController,
} from "../faults";
import type { EmulatorStartOptions, RunningEmulator } from "../registry";
import { encodeFilterLiterals } from "./filter-literals";
import { declareScimResources } from "./handlers";
import { lenientPatch } from "./lenient-patch";
import { serviceProviderConfig } from "./service-provider-config";
import { createScimStore, type ScimStore } from "./store";

export interface ScimServerOptions extends EmulatorStartOptions {
  /** Bearer token the server accepts (random when absent). */
  token?: string;
  /** Advertise and enforce ETags: `If-Match` against `meta.version`, 412 on mismatch (default true). */
  etag?: boolean;
  /** Advertise PATCH; when false, PATCH answers 501 so clients must fall back to PUT (default true). */
  patch?: boolean;
  /** Largest page a list returns (default 200). */
  maxResults?: number;
}

export interface RunningScimServer extends RunningEmulator {
  faults: FaultController;
  store: ScimStore;
}

export const scimBasePath = "/scim/v2";

/**
 * A real SCIM 2.0 server (SCIMMY) on 127.0.0.1 with the fixes from testing-recipes.md §2: numeric paging
 * parameters, escaped filter literals, case-insensitive userName (uniqueness and filters), per-record filtering,
 * `If-Match` on `meta.version`, the PATCH dialect IdPs send (`lenient-patch.ts`); plus bearer auth, fault
 * injection and optional persistence.
 */
export async function startScimServer(options: ScimServerOptions = {}): Promise<RunningScimServer> {
  declareScimResources();
  const token = options.token ?? randomBytes(16).toString("hex");
  const etag = options.etag ?? true;
  const patch = options.patch ?? true;
  const maxResults = options.maxResults ?? 200;
  const store = createScimStore(options.dataDir);
  const faults = createFaultController();

  const app = express();
  // Express 5's req.query is re-parsed on every read, so SCIMMY's own numeric cast is lost: cast here.
  app.set("query parser", (q: string) =>
    Object.fromEntries(
      [...new URLSearchParams(q)].map(([k, v]) => {
        if (/^(startIndex|count)$/.test(k) && /^\d+$/.test(v))
          return [k, Math.min(Number(v), k === "count" ? maxResults : Infinity)];
        return [k, k === "filter" ? encodeFilterLiterals(v) : v];
      }),
    ),
  );
  app.use(faultControlRoutes(faults));
  app.use(faultMiddleware(faults));
  app.get(
    `${scimBasePath}/ServiceProviderConfig`,
    (_req, res) => void res.type("application/scim+json").json(serviceProviderConfig({ etag, patch, maxResults })),
  );
  app.use(scimBasePath, (req: Request, res: Response, next: NextFunction) => {
    if (req.header("authorization") !== `Bearer ${token}`)
      return void res.status(401).json(scimErrorBody(401, "Authorization failed"));
    if (req.method === "PATCH" && !patch)
      return void res.status(501).json(scimErrorBody(501, "PATCH is not supported"));
    if (etag && ["PUT", "PATCH", "DELETE"].includes(req.method)) return ifMatch(store, req, res, next);
    next();
  });
  app.use(scimBasePath, express.json({ type: ["application/scim+json", "application/json"] }), lenientPatch);
  app.use(
    scimBasePath,
    new SCIMMYRouters({ type: "bearer", handler: () => "admin", context: () => store }) as unknown as express.Router,
  );

  const server = app.listen(options.port ?? 0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${scimBasePath}`;
  return {
    name: "scim",
    url,
    token,
    faults,
    store,
    async stop() {
      store.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** RFC 7644 §3.14: a write carrying `If-Match` applies only to the version it names. */
function ifMatch(store: ScimStore, req: Request, res: Response, next: NextFunction): void {
  const wanted = req.header("if-match");
  const [, kind, id] = /^\/(Users|Groups)\/([^/]+)$/i.exec(req.path) ?? [];
  if (!wanted || wanted === "*" || !kind || !id) return next();
  const current = store[kind.toLowerCase() === "users" ? "User" : "Group"].get(id);
  if (current && current.meta.version !== wanted) {
    res
      .status(412)
      .json(scimErrorBody(412, `version ${wanted} does not match current version ${current.meta.version}`));
    return;
  }
  next();
}
