import express, { type Request, type Response } from "express";
import { randomUUID } from "node:crypto";
import type { TokenIssuer } from "./tokens";

export interface EntraTokenEndpointOptions {
  issuer: TokenIssuer;
  tenantId: string;
  /** App registrations: client id → client secret. */
  clients: () => Map<string, string>;
}

/** An AADSTS error body, as login.microsoftonline.com answers a failed token request. */
function aadError(res: Response, status: number, error: string, code: number, text: string): void {
  res.status(status).json({
    error,
    error_description: `AADSTS${code}: ${text} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
    error_codes: [code],
    timestamp: new Date().toISOString(),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  });
}

/** `POST /{tenant}/oauth2/v2.0/token` with the client-credentials grant an app-only daemon uses. */
export function entraTokenEndpoint(options: EntraTokenEndpointOptions): express.RequestHandler[] {
  const handler = (req: Request, res: Response): void => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const tenant = String(req.params.tenant);
    if (tenant !== options.tenantId && tenant !== "organizations") {
      return aadError(res, 400, "invalid_request", 90002, `Tenant '${tenant}' not found.`);
    }
    if (body.grant_type !== "client_credentials") {
      return aadError(res, 400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
    }
    const secret = options.clients().get(body.client_id ?? "");
    if (secret === undefined) {
      return aadError(
        res,
        400,
        "unauthorized_client",
        700016,
        `Application with identifier '${body.client_id ?? ""}' was not found in the directory.`,
      );
    }
    if (body.client_secret !== secret) {
      return aadError(
        res,
        401,
        "invalid_client",
        7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.",
      );
    }
    // App-only tokens must ask for `<resource>/.default`; the granted application permissions come with it.
    if (!/\/\.default$/.test(body.scope ?? "")) {
      return aadError(
        res,
        400,
        "invalid_scope",
        1002012,
        `The provided value for scope ${body.scope ?? ""} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`,
      );
    }
    res.json({
      ...options.issuer.issue({ client: body.client_id ?? "", scopes: [body.scope ?? ""] }),
      ext_expires_in: options.issuer.lifetimeSeconds,
    });
  };
  return [express.urlencoded({ extended: false }), handler];
}
