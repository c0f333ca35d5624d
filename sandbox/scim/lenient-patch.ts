import type { NextFunction, Request, Response } from "express";

type Operation = { op?: unknown; path?: unknown; value?: unknown };

/**
 * Accepts the PATCH dialect identity providers really send (app-apis.md §4.3, §7), which SCIMMY's strict parser
 * rejects: Entra's `"True"`/`"False"` strings for booleans, and `remove` of `members` with a value list
 * instead of a filter path (rewritten as one filtered remove per member).
 */
export function lenientPatch(req: Request, _res: Response, next: NextFunction): void {
  const ops = (req.body as { Operations?: Operation[] } | undefined)?.Operations;
  if (req.method === "PATCH" && Array.isArray(ops)) {
    (req.body as { Operations: Operation[] }).Operations = ops.flatMap(normalise);
  }
  next();
}

function normalise(operation: Operation): Operation[] {
  const op = typeof operation.op === "string" ? operation.op.toLowerCase() : operation.op;
  if (
    op === "remove" &&
    typeof operation.path === "string" &&
    operation.path.toLowerCase() === "members" &&
    Array.isArray(operation.value)
  ) {
    return operation.value.map((m: { value?: unknown }) => ({
      op,
      path: `members[value eq ${JSON.stringify(String(m?.value))}]`,
    }));
  }
  return [{ ...operation, op, value: booleans(operation.value) }];
}

function booleans(value: unknown): unknown {
  if (value === "True" || value === "true") return true;
  if (value === "False" || value === "false") return false;
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k.toLowerCase() === "active" ? booleans(v) : v]),
    );
  }
  return value;
}
