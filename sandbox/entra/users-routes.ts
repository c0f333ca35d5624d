import { Router, type Request } from "express";
import { holdPassword } from "../held-password";
import type { EntraContext } from "./context";
import { objectConflict, resourceNotFound, unsupportedQuery } from "./errors";
import { compileFilter, employeeIdOf } from "./odata-filter";
import { page, select } from "./odata-page";
import type { DirectoryObject, Json } from "./store";
import { applyUserBody, checkUserBody, USER_DEFAULT_SELECT, USER_FILTERABLE } from "./user-model";

/** /users: create, get, list, update, soft delete, revokeSignInSessions, manager, memberOf, directReports. */
export function usersRouter(ctx: EntraContext): Router {
  const router = Router();
  const { store, clock } = ctx;
  const options = () => ({ domains: ctx.domains, lifecycleInfoWrite: ctx.behaviour().lifecycleInfoWrite });
  /** `$expand=manager($select=…)`, the one expansion idlc uses (a refresh reads managers without a call per user). */
  const expand = (o: DirectoryObject, req: Request, shown: Json): Json => {
    const m =
      typeof req.query.$expand === "string" ? /^manager(?:\(\$select=([\w,]+)\))?$/.exec(req.query.$expand) : null;
    if (typeof req.query.$expand === "string" && !m)
      throw unsupportedQuery(`Expand '${req.query.$expand}' is not supported.`);
    if (!m) return shown;
    const manager = store.objects.get(store.managers.get(String(o.resource.id)) ?? "");
    return {
      ...shown,
      manager: manager
        ? { "@odata.type": "#microsoft.graph.user", ...select(manager.resource, m[1], USER_DEFAULT_SELECT) }
        : null,
    };
  };
  const listOf = (objects: DirectoryObject[], req: Request, entity: string, defaults: readonly string[]) => {
    const test = compileFilter(req.query.$filter, USER_FILTERABLE);
    const all = objects.filter((o) => ctx.replicated(o) && test(o.resource));
    const p = page(all, req, ctx.publicBase());
    return {
      "@odata.context": ctx.context(entity),
      ...(p.nextLink ? { "@odata.nextLink": p.nextLink } : {}),
      ...(req.query.$count === "true" ? { "@odata.count": all.length } : {}),
      value: p.value.map((o) => expand(o, req, select(o.resource, req.query.$select, defaults))),
    };
  };

  router.post("/users", (req, res) => {
    res.status(201).json({
      "@odata.context": ctx.context("users/$entity"),
      ...select(createUser(ctx, req.body ?? {}).resource, undefined, USER_DEFAULT_SELECT),
    });
  });

  router.get("/users", (req, res) => {
    // A lookup by employee id (idlc's) tests only the users the index holds under it, not every user.
    const employeeId = employeeIdOf(req.query.$filter);
    const candidates =
      employeeId === undefined
        ? [...store.objects.values()].filter((o) => o.kind === "user")
        : store.employeeIds.pick(store.objects, employeeId);
    res.json(listOf(candidates, req, "users", USER_DEFAULT_SELECT));
  });

  router.get("/users/:id", (req, res) => {
    const user = ctx.find(req.params.id, "user");
    res.json({
      "@odata.context": ctx.context("users/$entity"),
      ...expand(user, req, select(user.resource, req.query.$select, USER_DEFAULT_SELECT)),
    });
  });

  router.patch("/users/:id", (req, res) => {
    const user = ctx.find(req.params.id, "user");
    const body = checkUserBody(req.body ?? {}, { create: false, ...options() });
    const id = String(user.resource.id);
    const upn = body.userPrincipalName === undefined ? undefined : String(body.userPrincipalName).toLowerCase();
    if (upn !== undefined && (store.upnIndex.get(upn) ?? id) !== id) throw objectConflict("userPrincipalName");
    if (upn !== undefined) {
      store.upnIndex.delete(String(user.resource.userPrincipalName).toLowerCase());
      store.upnIndex.set(upn, id);
    }
    user.resource = applyUserBody(user.resource, body);
    store.indexEmployeeId(user);
    const password = (body.passwordProfile as Json | undefined)?.password;
    if (password) {
      user.resource.lastPasswordChangeDateTime = clock.iso();
      user.password = holdPassword(String(password));
    }
    store.changed();
    res.status(204).end();
  });

  router.delete("/users/:id", (req, res) => {
    const user = ctx.find(req.params.id, "user");
    const id = String(user.resource.id);
    store.objects.delete(id);
    store.employeeIds.delete(id);
    store.upnIndex.delete(String(user.resource.userPrincipalName).toLowerCase());
    user.deletedAt = clock.now();
    user.resource = { ...user.resource, deletedDateTime: clock.iso() };
    store.deleted.set(id, user);
    store.changed();
    res.status(204).end();
  });

  router.post("/users/:id/revokeSignInSessions", (req, res) => {
    const user = ctx.find(req.params.id, "user");
    user.resource.signInSessionsValidFromDateTime = clock.iso();
    store.changed();
    res.json({ "@odata.context": ctx.context("Edm.Boolean"), value: true });
  });

  router.get("/users/:id/manager", (req, res) => {
    const user = ctx.find(req.params.id, "user");
    const managerId = store.managers.get(String(user.resource.id));
    const manager = managerId === undefined ? undefined : store.objects.get(managerId);
    if (!manager) throw resourceNotFound("manager");
    res.json({
      "@odata.context": ctx.context("directoryObjects/$entity"),
      "@odata.type": "#microsoft.graph.user",
      ...select(manager.resource, req.query.$select, USER_DEFAULT_SELECT),
    });
  });

  router.put("/users/:id/manager/$ref", (req, res) => {
    const user = ctx.find(req.params.id, "user");
    const manager = ctx.find(ctx.referencedId(req.body), "user");
    store.managers.set(String(user.resource.id), String(manager.resource.id));
    store.changed();
    res.status(204).end();
  });

  router.delete("/users/:id/manager/$ref", (req, res) => {
    const user = ctx.find(req.params.id, "user");
    if (!store.managers.delete(String(user.resource.id))) throw resourceNotFound("manager");
    store.changed();
    res.status(204).end();
  });

  router.get("/users/:id/directReports", (req, res) => {
    const id = String(ctx.find(req.params.id, "user").resource.id);
    const reports = [...store.managers]
      .filter(([, m]) => m === id)
      .map(([u]) => store.objects.get(u))
      .filter((o): o is DirectoryObject => o !== undefined);
    res.json(listOf(reports, req, "directoryObjects", USER_DEFAULT_SELECT));
  });

  router.get("/users/:id/memberOf", (req, res) => {
    const id = String(ctx.find(req.params.id, "user").resource.id);
    const groups = [...store.members]
      .filter(([, m]) => m.has(id))
      .map(([g]) => store.objects.get(g))
      .filter((o): o is DirectoryObject => o !== undefined);
    res.json(listOf(groups, req, "directoryObjects", ["id", "displayName", "mailNickname"]));
  });

  return router;
}

/** POST /users after the checks: also how tests seed large tenants without HTTP. */
export function createUser(ctx: EntraContext, body: Json): DirectoryObject {
  const { store, clock } = ctx;
  checkUserBody(body, { create: true, domains: ctx.domains, lifecycleInfoWrite: ctx.behaviour().lifecycleInfoWrite });
  const upn = String(body.userPrincipalName).toLowerCase();
  if (store.upnIndex.has(upn)) throw objectConflict("userPrincipalName");
  const id = ctx.newId();
  const base: Json = {
    id,
    businessPhones: [],
    createdDateTime: clock.iso(),
    signInSessionsValidFromDateTime: clock.iso(),
    userType: "Member",
    creationType: null,
  };
  const password = holdPassword(String((body.passwordProfile as Json).password));
  const user: DirectoryObject = { kind: "user", resource: applyUserBody(base, body), createdAt: clock.now(), password };
  store.objects.set(id, user);
  store.indexEmployeeId(user);
  store.upnIndex.set(upn, id);
  store.changed();
  return user;
}
