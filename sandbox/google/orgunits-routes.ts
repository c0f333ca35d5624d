import { Router } from "express";
import type { GoogleContext } from "./context";
import { duplicate, notFound, required } from "./errors";
import type { Json } from "./store";

/** orgunits insert/get/list/delete under `/customer/{customerId}/orgunits` (paths carry no leading slash). */
export function orgUnitsRouter(ctx: GoogleContext): Router {
  const router = Router();
  const { store } = ctx;
  const customer = (id: string): void => {
    if (id !== "my_customer" && id !== ctx.customerId) throw notFound("customer");
  };
  const pathOf = (segments: string | string[]): string => `/${([] as string[]).concat(segments).join("/")}`;

  router.post("/customer/:customerId/orgunits", (req, res) => {
    customer(req.params.customerId);
    const body = (req.body ?? {}) as Json;
    if (!body.name) throw required("name");
    const parent = String(body.parentOrgUnitPath ?? "/");
    if (parent !== "/" && !store.orgUnits.has(parent)) throw notFound("parentOrgUnitPath");
    const orgUnitPath = `${parent === "/" ? "" : parent}/${String(body.name)}`;
    if (store.orgUnits.has(orgUnitPath)) throw duplicate("Invalid Ou Id");
    const ou: Json = {
      kind: "admin#directory#orgUnit",
      etag: ctx.etag(),
      name: body.name,
      description: body.description ?? "",
      orgUnitPath,
      orgUnitId: `id:${ctx.newId().slice(0, 8)}`,
      parentOrgUnitPath: parent,
    };
    store.orgUnits.set(orgUnitPath, ou);
    store.changed();
    res.json(ou);
  });

  router.get("/customer/:customerId/orgunits", (req, res) => {
    customer(req.params.customerId);
    const under = String(req.query.orgUnitPath ?? "/");
    const children = req.query.type === "children";
    const units = [...store.orgUnits.values()].filter((ou) =>
      children ? ou.parentOrgUnitPath === under : under === "/" || String(ou.orgUnitPath).startsWith(`${under}/`),
    );
    res.json({
      kind: "admin#directory#orgUnits",
      etag: ctx.etag(),
      ...(units.length ? { organizationUnits: units } : {}),
    });
  });

  router.get("/customer/:customerId/orgunits/*ouPath", (req, res) => {
    customer(req.params.customerId);
    const ou = store.orgUnits.get(pathOf(req.params.ouPath));
    if (!ou) throw notFound("orgunit");
    res.json(ou);
  });

  router.delete("/customer/:customerId/orgunits/*ouPath", (req, res) => {
    customer(req.params.customerId);
    const path = pathOf(req.params.ouPath);
    if (!store.orgUnits.delete(path)) throw notFound("orgunit");
    store.changed();
    res.status(204).end();
  });

  return router;
}
