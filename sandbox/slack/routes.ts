import { Router, type Request, type Response } from "express";
import { SlackScimError } from "./errors";
import { groupJson } from "./group-json";
import { createGroup, deleteGroup, getGroup, listGroups, updateGroup } from "./groups";
import { listJson } from "./list";
import { ResourceLocks, RateLimiter, bucketsFor } from "./rate-limit";
import type { SlackStore } from "./store";
import { createUser, deactivateUser, getUser, listUsers, updateUser, userDocument, type SlackQuirks } from "./users";

export interface RouteOptions {
  store: SlackStore;
  quirks: SlackQuirks;
  /** Undefined turns rate limiting off. */
  limiter?: RateLimiter;
  /** How long a write holds its resource's lock, so tests can provoke `resource_locked`. */
  writeDelayMs: number;
}

const base = (req: Request) => `${req.protocol}://${req.get("host")}/scim/v2`;
const filterOf = (req: Request) => (typeof req.query.filter === "string" ? req.query.filter : undefined);
/** JSON already encoded (lists and groups: see group-json.ts), with the header `res.json` would send. */
const sendJson = (res: Response, status: number, body: Buffer) =>
  res.status(status).type("application/json; charset=utf-8").send(body);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `/Users` and `/Groups` with Slack's limits: rate buckets first, then the per-resource write lock. */
export function resourceRoutes({ store, quirks, limiter, writeDelayMs }: RouteOptions): Router {
  const router = Router();
  const locks = new ResourceLocks();

  router.use("/:resource{/:id}", (req, _res, next) => {
    const { resource, id } = req.params as { resource: string; id?: string };
    if (resource !== "Users" && resource !== "Groups") return next();
    const wait = limiter?.take(bucketsFor(req.method, resource, id !== undefined)) ?? 0;
    if (wait > 0) throw new SlackScimError(429, "too_many_requests", Math.max(1, Math.ceil(wait / 1000)));
    next();
  });

  /** Runs a write holding the resource lock for at least `writeDelayMs`. */
  const locked = async <T>(key: string, write: () => T): Promise<T> => {
    const release = locks.acquire(key);
    if (!release) throw new SlackScimError(429, "resource_locked", 1);
    try {
      if (writeDelayMs > 0) await sleep(writeDelayMs);
      return write();
    } finally {
      release();
    }
  };
  const id = (req: Request) => String(req.params.id);
  const sendUser = (req: Request, res: Response, status: number, user: ReturnType<typeof getUser>) =>
    res.status(status).json(userDocument(store, user, base(req)));
  const sendGroup = (req: Request, res: Response, status: number, group: ReturnType<typeof getGroup>) =>
    sendJson(res, status, groupJson(store, group, base(req)));

  router.get("/Users", (req, res) => {
    const users = listUsers(store, filterOf(req));
    sendJson(
      res,
      200,
      listJson(users, req.query, (u) => Buffer.from(JSON.stringify(userDocument(store, u, base(req))))),
    );
  });
  router.get("/Users/:id", (req, res) => sendUser(req, res, 200, getUser(store, id(req))));
  router.post("/Users", (req, res) => sendUser(req, res, 201, createUser(store, req.body)));
  for (const method of ["put", "patch"] as const) {
    router[method]("/Users/:id", async (req, res) =>
      sendUser(
        req,
        res,
        200,
        await locked(`Users/${id(req)}`, () => updateUser(store, quirks, id(req), req.body, method)),
      ),
    );
    router[method]("/Groups/:id", async (req, res) =>
      sendGroup(req, res, 200, await locked(`Groups/${id(req)}`, () => updateGroup(store, id(req), req.body, method))),
    );
  }
  router.delete("/Users/:id", async (req, res) => {
    await locked(`Users/${id(req)}`, () => deactivateUser(store, id(req)));
    res.status(204).end();
  });

  router.get("/Groups", (req, res) => {
    sendJson(
      res,
      200,
      listJson(listGroups(store, filterOf(req)), req.query, (g) => groupJson(store, g, base(req))),
    );
  });
  router.get("/Groups/:id", (req, res) => sendGroup(req, res, 200, getGroup(store, id(req))));
  router.post("/Groups", (req, res) => sendGroup(req, res, 201, createGroup(store, req.body)));
  router.delete("/Groups/:id", async (req, res) => {
    await locked(`Groups/${id(req)}`, () => deleteGroup(store, id(req)));
    res.status(204).end();
  });
  return router;
}
