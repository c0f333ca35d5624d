import { Router } from "express";
import type { EntraContext } from "./context";
import { objectConflict, resourceNotFound } from "./errors";
import { page, select } from "./odata-page";
import type { DirectoryObject } from "./store";
import { USER_DEFAULT_SELECT } from "./user-model";

/** /directory/deletedItems: list per type, get, restore (within the window) and permanent delete. */
export function directoryRouter(ctx: EntraContext): Router {
  const router = Router();
  const { store, clock } = ctx;
  const windowMs = () => ctx.behaviour().restoreDays * 86_400_000;
  /** Deleted items older than the window are purged, as the service does after 30 days. */
  const live = (): DirectoryObject[] => {
    for (const [id, o] of store.deleted) if (clock.now() - (o.deletedAt ?? 0) > windowMs()) store.deleted.delete(id);
    return [...store.deleted.values()];
  };
  const find = (id: string): DirectoryObject => {
    const o = live().find((d) => d.resource.id === id);
    if (!o) throw resourceNotFound(id);
    return o;
  };
  const fields = [...USER_DEFAULT_SELECT, "deletedDateTime"];

  router.get("/directory/deletedItems/microsoft.graph.:kind", (req, res) => {
    const all = live().filter((o) => o.kind === req.params.kind);
    const p = page(all, req, ctx.publicBase());
    res.json({
      "@odata.context": ctx.context(`directory/deletedItems/microsoft.graph.${req.params.kind}`),
      ...(p.nextLink ? { "@odata.nextLink": p.nextLink } : {}),
      value: p.value.map((o) => select(o.resource, req.query.$select, fields)),
    });
  });

  router.get("/directory/deletedItems/:id", (req, res) => {
    res.json(select(find(req.params.id).resource, req.query.$select, fields));
  });

  router.post("/directory/deletedItems/:id/restore", (req, res) => {
    const o = find(req.params.id);
    const upn = String(o.resource.userPrincipalName ?? "").toLowerCase();
    if (o.kind === "user" && store.upnIndex.has(upn)) throw objectConflict("userPrincipalName");
    store.deleted.delete(req.params.id);
    const { deletedDateTime: _gone, ...resource } = o.resource;
    const restored: DirectoryObject = { kind: o.kind, resource, createdAt: o.createdAt };
    store.objects.set(req.params.id, restored);
    store.indexEmployeeId(restored);
    if (o.kind === "user") store.upnIndex.set(upn, req.params.id);
    store.changed();
    res.json({
      "@odata.context": ctx.context("directoryObjects/$entity"),
      "@odata.type": `#microsoft.graph.${o.kind}`,
      ...select(resource, undefined, USER_DEFAULT_SELECT),
    });
  });

  router.delete("/directory/deletedItems/:id", (req, res) => {
    find(req.params.id);
    store.deleted.delete(req.params.id);
    store.members.forEach((m) => m.delete(req.params.id));
    store.managers.delete(req.params.id);
    store.changed();
    res.status(204).end();
  });

  return router;
}
