import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/**
 * A Microsoft Graph failure, rendered as the OData error envelope:
 * `{"error":{"code","message","innerError":{date,request-id,client-request-id},"details"?}}`.
 */
export class GraphApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Array<{ code: string; target?: string; message?: string }>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const resourceNotFound = (id: string): GraphApiError =>
  new GraphApiError(
    404,
    "Request_ResourceNotFound",
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
export const badRequest = (message: string): GraphApiError => new GraphApiError(400, "Request_BadRequest", message);
/** Graph answers a uniqueness violation with 400 (not 409) and an ObjectConflict detail. */
export const objectConflict = (property: string): GraphApiError =>
  new GraphApiError(
    400,
    "Request_BadRequest",
    `Another object with the same value for property ${property} already exists.`,
    [{ code: "ObjectConflict", target: property }],
  );
export const unsupportedQuery = (message = "Unsupported Query."): GraphApiError =>
  new GraphApiError(400, "Request_UnsupportedQuery", message);

export function graphErrorBody(error: GraphApiError, clientRequestId?: string): object {
  const requestId = randomUUID();
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        "request-id": requestId,
        "client-request-id": clientRequestId ?? requestId,
      },
      ...(error.details ? { details: error.details } : {}),
    },
  };
}

/** Express error middleware: GraphApiError → its envelope; bad JSON → 400 BadRequest; else 500. */
export function renderGraphError(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  let error: GraphApiError;
  if (err instanceof GraphApiError) error = err;
  else if ((err as { type?: string }).type === "entity.parse.failed")
    error = new GraphApiError(
      400,
      "BadRequest",
      "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
    );
  else error = new GraphApiError(500, "InternalServerError", (err as Error).message);
  res
    .status(error.status)
    .set(error.headers)
    .json(graphErrorBody(error, req.header("client-request-id")));
}
