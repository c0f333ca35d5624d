import express, { type Request, type Response } from "express";
import { OAuthGrantError, verifyAssertion } from "./jwt-bearer";
import type { TokenIssuer } from "./tokens";

export interface GoogleTokenEndpointOptions {
  issuer: TokenIssuer;
  /** Where the endpoint is mounted, as clients address it: the assertion's `aud` must equal it. */
  tokenUrl: () => string;
  /** Service accounts the project knows: client_email → public key (PEM). */
  serviceAccounts: () => Map<string, string>;
  /** Users the service account may impersonate (domain-wide delegation granted to super admins). */
  delegatedAdmins: () => Set<string>;
  nowSeconds?: () => number;
}

const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/** Google's `POST /token` for the JWT-bearer grant a service account with domain-wide delegation uses. */
export function googleTokenEndpoint(options: GoogleTokenEndpointOptions): express.RequestHandler[] {
  const handler = (req: Request, res: Response): void => {
    try {
      const body = (req.body ?? {}) as Record<string, string | undefined>;
      if (body.grant_type !== JWT_BEARER)
        throw new OAuthGrantError(
          400,
          "unsupported_grant_type",
          "Invalid grant_type: " + String(body.grant_type ?? ""),
        );
      if (!body.assertion) throw new OAuthGrantError(400, "invalid_request", "Missing required parameter: assertion");
      const unverified = JSON.parse(
        Buffer.from(body.assertion.split(".")[1] ?? "", "base64url").toString("utf8") || "{}",
      ) as { iss?: string };
      const publicKeyPem = options.serviceAccounts().get(unverified.iss ?? "");
      if (!publicKeyPem) throw new OAuthGrantError(401, "invalid_client", "The OAuth client was not found.");
      const claims = verifyAssertion(body.assertion, {
        publicKeyPem,
        issuer: unverified.iss ?? "",
        audience: options.tokenUrl(),
        nowSeconds: (options.nowSeconds ?? (() => Math.floor(Date.now() / 1000)))(),
      });
      if (claims.sub !== undefined && !options.delegatedAdmins().has(claims.sub.toLowerCase())) {
        throw new OAuthGrantError(
          401,
          "unauthorized_client",
          "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.",
        );
      }
      res.json(
        options.issuer.issue({
          client: claims.iss,
          subject: claims.sub?.toLowerCase(),
          scopes: claims.scope.split(/\s+/),
        }),
      );
    } catch (error) {
      if (!(error instanceof OAuthGrantError)) throw error;
      res.status(error.status).json({ error: error.error, error_description: error.description });
    }
  };
  return [express.urlencoded({ extended: false }), handler];
}
