import type { NextFunction, Request, Response } from "express";

/**
 * A Directory API failure, rendered in Google's classic JSON error shape:
 * `{"error":{"code","message","errors":[{"message","domain","reason"}]}}`. Route handlers throw it; one error
 * middleware writes it, so every route answers errors the same way.
 */
export class GoogleApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly domain = "global",
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (param: string): GoogleApiError =>
  new GoogleApiError(404, "notFound", `Resource Not Found: ${param}`);
export const invalid = (what: string): GoogleApiError => new GoogleApiError(400, "invalid", `Invalid Input: ${what}`);
export const required = (field: string): GoogleApiError =>
  new GoogleApiError(400, "required", `Missing required field: ${field}`);
export const duplicate = (message = "Entity already exists."): GoogleApiError =>
  new GoogleApiError(409, "duplicate", message);
/** Mutations right after users.insert, as the Directory API guide describes them. */
export const creationIncomplete = (): GoogleApiError =>
  new GoogleApiError(412, "conditionNotMet", "User creation is not complete.");

export function errorBody(error: GoogleApiError): object {
  return {
    error: {
      code: error.status,
      message: error.message,
      errors: [{ message: error.message, domain: error.domain, reason: error.reason }],
    },
  };
}

/** Express error middleware: GoogleApiError → its body; a JSON parse failure → 400 parseError; else 500. */
export function renderGoogleError(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  let error: GoogleApiError;
  if (err instanceof GoogleApiError) error = err;
  else if ((err as { type?: string }).type === "entity.parse.failed")
    error = new GoogleApiError(400, "parseError", "Parse Error");
  else error = new GoogleApiError(500, "backendError", `Backend Error: ${(err as Error).message}`);
  res.status(error.status).set(error.headers).json(errorBody(error));
}
