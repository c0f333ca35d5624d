import express, { type Router } from "express";
import type { FaultController } from "./controller";

/**
 * `/_faults` over HTTP, for driving an emulator from another process (the sandbox daemon, a shell):
 * `GET` → current settings and request count; `POST` (JSON settings) → replace them; `DELETE` → clear faults;
 * `GET /_faults/log` → the request log; `DELETE /_faults/log` → empty it.
 */
export function faultControlRoutes(faults: FaultController): Router {
  const router = express.Router();
  router.use(express.json({ type: ["application/json", "application/scim+json"] }));
  router.get("/_faults", (_req, res) => void res.json({ settings: faults.settings, requests: faults.count() }));
  router.post("/_faults", (req, res) => {
    try {
      faults.set(req.body ?? {});
      res.json({ settings: faults.settings });
    } catch (err) {
      res.status(400).json({ error: "invalid fault settings", detail: (err as Error).message });
    }
  });
  router.delete("/_faults", (_req, res) => {
    faults.clear();
    res.status(204).end();
  });
  router.get("/_faults/log", (_req, res) => void res.json({ requests: faults.log() }));
  router.delete("/_faults/log", (_req, res) => {
    faults.resetLog();
    res.status(204).end();
  });
  return router;
}
