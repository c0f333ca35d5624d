import { Router } from "express";
import type { GoogleContext } from "./context";
import { duplicate, invalid, notFound, required } from "./errors";
import { paginate } from "./paging";
import type { GroupRecord, Json } from "./store";

const ROLES = new Set(["OWNER", "MANAGER", "MEMBER"]);

/** groups insert/get/list/patch/update/delete, and their members (insert/get/list/delete/hasMember). */
export function groupsRouter(ctx: GoogleContext): Router {
  const router = Router();
  const { store, clock } = ctx;
  const readable = (key: string): GroupRecord => {
    const group = store.groupByKey(key);
    if (!group) throw notFound("groupKey");
    return group;
  };
  const withCount = (g: GroupRecord): Json => ({ ...g.resource, directMembersCount: String(g.members.size) });

  router.post("/groups", (req, res) => {
    const body = (req.body ?? {}) as Json;
    if (!body.email) throw required("email");
    const email = String(body.email).toLowerCase();
    if (store.groupIndex.has(email) || store.emailIndex.has(email)) throw duplicate();
    const id = ctx.newId().slice(0, 15);
    const resource: Json = {
      kind: "admin#directory#group",
      id,
      etag: ctx.etag(),
      email: body.email,
      name: body.name ?? body.email,
      description: body.description ?? "",
      adminCreated: true,
      nonEditableAliases: [],
    };
    const record: GroupRecord = { resource, insertedAt: clock.now(), members: new Map() };
    store.groups.set(id, record);
    store.groupIndex.set(email, id);
    store.changed();
    res.json(withCount(record));
  });

  router.get("/groups", (req, res) => {
    if (req.query.userKey === undefined) ctx.checkScope(req.query);
    const userKey = req.query.userKey === undefined ? undefined : String(req.query.userKey).toLowerCase();
    const user = userKey === undefined ? undefined : ctx.readableUser(userKey);
    const email = user ? String(user.resource.primaryEmail).toLowerCase() : undefined;
    const all = [...store.groups.values()].filter((g) => email === undefined || g.members.has(email));
    const page = paginate(all, JSON.stringify([userKey]), req.query.maxResults, req.query.pageToken, {
      def: 200,
      max: 200,
    });
    res.json({
      kind: "admin#directory#groups",
      etag: ctx.etag(),
      ...(page.items.length ? { groups: page.items.map(withCount) } : {}),
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    });
  });

  router.get("/groups/:groupKey", (req, res) => {
    res.json(withCount(readable(req.params.groupKey)));
  });

  const modify = (req: import("express").Request, res: import("express").Response): void => {
    const group = readable(String(req.params.groupKey));
    const { name, description } = (req.body ?? {}) as Json;
    group.resource = {
      ...group.resource,
      ...(name === undefined ? {} : { name }),
      ...(description === undefined ? {} : { description }),
      etag: ctx.etag(),
    };
    store.changed();
    res.json(withCount(group));
  };
  router.patch("/groups/:groupKey", modify);
  router.put("/groups/:groupKey", modify);

  router.delete("/groups/:groupKey", (req, res) => {
    const group = readable(req.params.groupKey);
    store.groups.delete(String(group.resource.id));
    store.groupIndex.delete(String(group.resource.email).toLowerCase());
    store.changed();
    res.status(204).end();
  });

  router.post("/groups/:groupKey/members", (req, res) => {
    const group = readable(req.params.groupKey);
    if (clock.now() - group.insertedAt < ctx.behaviour().groupPropagationMs) throw notFound("groupKey");
    const body = (req.body ?? {}) as Json;
    if (!body.email && !body.id) throw required("memberKey");
    const role = String(body.role ?? "MEMBER");
    if (!ROLES.has(role)) throw invalid("role");
    const member = resolveMember(ctx, String(body.email ?? body.id));
    if (group.members.has(member.email)) throw duplicate("Member already exists.");
    const resource = {
      kind: "admin#directory#member",
      etag: ctx.etag(),
      id: member.id,
      email: member.display,
      role,
      type: member.type,
      status: "ACTIVE",
      delivery_settings: "ALL_MAIL",
    };
    group.members.set(member.email, resource);
    store.changed();
    res.json(resource);
  });

  router.get("/groups/:groupKey/members", (req, res) => {
    const group = readable(req.params.groupKey);
    const roles = req.query.roles === undefined ? undefined : new Set(String(req.query.roles).split(","));
    const all = [...group.members.values()].filter((m) => roles === undefined || roles.has(String(m.role)));
    const page = paginate(
      all,
      JSON.stringify([req.params.groupKey, req.query.roles]),
      req.query.maxResults,
      req.query.pageToken,
      { def: 200, max: 200 },
    );
    res.json({
      kind: "admin#directory#members",
      etag: ctx.etag(),
      ...(page.items.length ? { members: page.items } : {}),
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    });
  });

  router.get("/groups/:groupKey/members/:memberKey", (req, res) => {
    res.json(findMember(readable(req.params.groupKey), ctx, req.params.memberKey));
  });

  router.get("/groups/:groupKey/hasMember/:memberKey", (req, res) => {
    const group = readable(req.params.groupKey);
    res.json({ isMember: group.members.has(memberEmail(ctx, req.params.memberKey)) });
  });

  router.delete("/groups/:groupKey/members/:memberKey", (req, res) => {
    const group = readable(req.params.groupKey);
    findMember(group, ctx, req.params.memberKey);
    group.members.delete(memberEmail(ctx, req.params.memberKey));
    store.changed();
    res.status(204).end();
  });

  return router;
}

/** A member key (email or id) as the lower-cased email members are stored under. */
function memberEmail(ctx: GoogleContext, key: string): string {
  const user = ctx.store.userByKey(key);
  if (user) return String(user.resource.primaryEmail).toLowerCase();
  const group = ctx.store.groupByKey(key);
  return group ? String(group.resource.email).toLowerCase() : key.toLowerCase();
}

function findMember(group: GroupRecord, ctx: GoogleContext, key: string): Json {
  const member = group.members.get(memberEmail(ctx, key));
  if (!member) throw notFound("memberKey");
  return member;
}

/** Users and groups of the domain by email or id; unknown in-domain addresses are 404, outside ones EXTERNAL. */
function resolveMember(ctx: GoogleContext, key: string): { email: string; display: string; id: string; type: string } {
  const user = ctx.store.userByKey(key);
  // A user still propagating is not yet known to the groups service (field reports: 404 memberKey).
  if (user && ctx.visible(user))
    return {
      email: String(user.resource.primaryEmail).toLowerCase(),
      display: String(user.resource.primaryEmail),
      id: String(user.resource.id),
      type: "USER",
    };
  const group = ctx.store.groupByKey(key);
  if (group)
    return {
      email: String(group.resource.email).toLowerCase(),
      display: String(group.resource.email),
      id: String(group.resource.id),
      type: "GROUP",
    };
  if (user || !key.includes("@") || key.toLowerCase().endsWith(`@${ctx.domain}`)) throw notFound("memberKey");
  return { email: key.toLowerCase(), display: key, id: ctx.newId(), type: "EXTERNAL" };
}
