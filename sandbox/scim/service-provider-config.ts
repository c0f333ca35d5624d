/** Per-server ServiceProviderConfig (RFC 7643 §5). Served by us, not SCIMMY, whose Config is process-global. */
export function serviceProviderConfig(options: {
  etag: boolean;
  patch: boolean;
  maxResults: number;
}): Record<string, unknown> {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    documentationUri: "https://datatracker.ietf.org/doc/html/rfc7644",
    patch: { supported: options.patch },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: options.maxResults },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: options.etag },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "OAuth Bearer Token",
        description: "Authentication scheme using the OAuth Bearer Token Standard",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig" },
  };
}
