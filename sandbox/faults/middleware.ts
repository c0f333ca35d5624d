import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { FaultController } from "./controller";
import type { RequestLogEntry } from "./settings";

export interface FaultMiddlewareOptions {
  /** The app's own error body for an injected status (default: a SCIM 2.0 Error). */
  errorBody?: (status: number, detail: string) => unknown;
}

/** A SCIM 2.0 error body (RFC 7644 §3.12: `status` is a string). */
export function scimErrorBody(status: number, detail: string): unknown {
  return { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: String(status), detail };
}

/**
 * Express middleware that logs every request and injects the faults its controller holds. Mount it before the
 * API's routes (and after the `/_faults` control routes, which are never faulted).
 */
export function faultMiddleware(faults: FaultController, options: FaultMiddlewareOptions = {}): RequestHandler {
  const errorBody = options.errorBody ?? scimErrorBody;
  return async (req: Request, res: Response, next: NextFunction) => {
    const path = req.originalUrl.split("?")[0]!;
    const entry: RequestLogEntry = { at: Date.now(), method: req.method, path, status: 0 };
    faults.record(entry);
    res.on("finish", () => (entry.status = res.statusCode));

    const latency = faults.latencyFor(req.method, path);
    if (latency > 0) {
      entry.fault = "latency";
      await new Promise((resolve) => setTimeout(resolve, latency));
    }
    const action = faults.next(req.method, path);
    if (action.kind === "drop-before") {
      entry.fault = "drop-before";
      req.socket.destroy();
      return;
    }
    if (action.kind === "rate-limit") {
      entry.fault = "rate-limit";
      res.status(429).set("Retry-After", String(action.retryAfterSeconds)).json(errorBody(429, "too_many_requests"));
      return;
    }
    if (action.kind === "server-error") {
      entry.fault = "server-error";
      res.status(action.status).json(errorBody(action.status, "injected server error"));
      return;
    }
    if (req.method === "GET" && faults.invisible(path.split("/").pop() ?? "")) {
      entry.fault = "not-found-after-create";
      res.status(404).json(errorBody(404, `Resource ${path.split("/").pop()} not found`));
      return;
    }
    if (action.kind === "drop-after") {
      entry.fault = "drop-after";
      // The handler runs and commits its change; the answer never leaves.
      res.end = (() => {
        req.socket.destroy();
        return res;
      }) as Response["end"];
    } else if (req.method === "POST") {
      rememberCreatedId(faults, res);
    }
    next();
  };
}

/** After a successful create, note the new resource's id so GETs of it can be made to lag. */
function rememberCreatedId(faults: FaultController, res: Response): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    const chunk = args[0];
    if (res.statusCode === 201 && chunk) {
      try {
        const id = JSON.parse(Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk))?.id;
        if (typeof id === "string") faults.created(id);
      } catch {
        // not JSON: nothing to remember
      }
    }
    return end(...args);
  }) as Response["end"];
}
