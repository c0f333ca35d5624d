import { Router } from "express";
import type { EntraContext } from "./context";
import { badRequest, resourceNotFound } from "./errors";
import { compileFilter } from "./odata-filter";
import { page, select } from "./odata-page";
import type { DirectoryObject, Json } from "./store";
import { USER_DEFAULT_SELECT } from "./user-model";

const GROUP_FIELDS = [
  "id",
  "displayName",
  "description",
  "mailEnabled",
  "mailNickname",
  "securityEnabled",
  "groupTypes",
  "createdDateTime",
] as const;
const GROUP_FILTERABLE = new Set(["id", "displayName", "mailNickname", "securityEnabled", "mailEnabled"]);
/** Graph's message when a reference being added is already there (400, not 409). */
export const ALREADY_EXISTS =
  "One or more added object references already exist for the following modified properties: 'members'.";

/** /groups: create, get, list, update (incl. `members@odata.bind`), delete, members list and `$ref` add/remove. */
export function groupsRouter(ctx: EntraContext): Router {
  const router = Router();
  const { store, clock } = ctx;
  const membersOf = (g: DirectoryObject): Set<string> => {
    const id = String(g.resource.id);
    if (!store.members.has(id)) store.members.set(id, new Set());
    return store.members.get(id)!;
  };

  router.post("/groups", (req, res) => {
    const body = (req.body ?? {}) as Json;
    for (const key of ["displayName", "mailEnabled", "mailNickname", "securityEnabled"]) {
      if (body[key] === undefined || body[key] === "")
        throw badRequest(`Invalid value specified for property '${key}' of resource 'Group'.`);
    }
    const id = ctx.newId();
    const resource: Json = { id, description: null, groupTypes: [], createdDateTime: clock.iso(), ...body };
    delete resource["members@odata.bind"];
    const group: DirectoryObject = { kind: "group", resource, createdAt: clock.now() };
    store.objects.set(id, group);
    store.changed();
    res
      .status(201)
      .json({ "@odata.context": ctx.context("groups/$entity"), ...select(resource, undefined, GROUP_FIELDS) });
  });

  router.get("/groups", (req, res) => {
    const test = compileFilter(req.query.$filter, GROUP_FILTERABLE);
    const all = [...store.objects.values()].filter((o) => o.kind === "group" && ctx.replicated(o) && test(o.resource));
    const p = page(all, req, ctx.publicBase());
    res.json({
      "@odata.context": ctx.context("groups"),
      ...(p.nextLink ? { "@odata.nextLink": p.nextLink } : {}),
      value: p.value.map((o) => select(o.resource, req.query.$select, GROUP_FIELDS)),
    });
  });

  router.get("/groups/:id", (req, res) => {
    res.json({
      "@odata.context": ctx.context("groups/$entity"),
      ...select(ctx.find(req.params.id, "group").resource, req.query.$select, GROUP_FIELDS),
    });
  });

  router.patch("/groups/:id", (req, res) => {
    const group = ctx.find(req.params.id, "group");
    const { "members@odata.bind": bind, ...rest } = (req.body ?? {}) as Json;
    if (bind !== undefined) {
      if (!Array.isArray(bind)) throw badRequest("Invalid value for 'members@odata.bind'.");
      if (bind.length > 20)
        throw badRequest(
          "Unable to update the specified properties for objects that have originated within an external service... at most 20 members may be added in one request.",
        );
      const ids = bind.map((ref) => String(ctx.find(ctx.referencedId({ "@odata.id": ref })).resource.id));
      const members = membersOf(group);
      // All or nothing: one existing member fails the whole request.
      if (ids.some((id) => members.has(id))) throw badRequest(ALREADY_EXISTS);
      for (const id of ids) members.add(id);
    }
    group.resource = { ...group.resource, ...rest };
    store.changed();
    res.status(204).end();
  });

  router.delete("/groups/:id", (req, res) => {
    const group = ctx.find(req.params.id, "group");
    const id = String(group.resource.id);
    store.objects.delete(id);
    // Only Microsoft 365 groups go to deleted items; security groups are deleted for good.
    if ((group.resource.groupTypes as string[] | undefined)?.includes("Unified")) {
      store.deleted.set(id, {
        ...group,
        deletedAt: clock.now(),
        resource: { ...group.resource, deletedDateTime: clock.iso() },
      });
    } else store.members.delete(id);
    store.changed();
    res.status(204).end();
  });

  router.get("/groups/:id/members", (req, res) => {
    const ids = [...membersOf(ctx.find(req.params.id, "group"))];
    const objects = ids.map((id) => store.objects.get(id)).filter((o): o is DirectoryObject => o !== undefined);
    const p = page(objects, req, ctx.publicBase());
    res.json({
      "@odata.context": ctx.context("directoryObjects"),
      ...(p.nextLink ? { "@odata.nextLink": p.nextLink } : {}),
      value: p.value.map((o) => ({
        "@odata.type": `#microsoft.graph.${o.kind}`,
        ...select(o.resource, req.query.$select, o.kind === "user" ? USER_DEFAULT_SELECT : GROUP_FIELDS),
      })),
    });
  });

  router.post("/groups/:id/members/$ref", (req, res) => {
    const group = ctx.find(req.params.id, "group");
    const member = ctx.find(ctx.referencedId(req.body));
    const members = membersOf(group);
    if (members.has(String(member.resource.id))) throw badRequest(ALREADY_EXISTS);
    members.add(String(member.resource.id));
    store.changed();
    res.status(204).end();
  });

  router.delete("/groups/:id/members/:memberId/$ref", (req, res) => {
    const members = membersOf(ctx.find(req.params.id, "group"));
    if (!members.delete(req.params.memberId)) throw resourceNotFound(req.params.memberId);
    store.changed();
    res.status(204).end();
  });

  return router;
}
