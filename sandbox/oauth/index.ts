/**
 * @module sandbox/oauth
 * The OAuth token endpoints the Google and Entra emulators serve: Google's JWT-bearer grant for a service
 * account with domain-wide delegation (RS256 assertion verified against the key's public half) and the
 * Microsoft identity platform's client-credentials grant. Both hand out opaque expiring bearer tokens that the
 * emulators' API routes resolve back to the caller.
 */
export { Clock } from "./clock";
export { TokenIssuer, type TokenGrant, type IssuedToken } from "./tokens";
export { createServiceAccountKey, type ServiceAccountKey } from "./service-account";
export { verifyAssertion, OAuthGrantError, type AssertionClaims } from "./jwt-bearer";
export { googleTokenEndpoint, type GoogleTokenEndpointOptions } from "./google-token";
export { entraTokenEndpoint, type EntraTokenEndpointOptions } from "./entra-token";
