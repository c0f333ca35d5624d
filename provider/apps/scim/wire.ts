/** SCIM 2.0 wire constants and types (RFC 7643/7644): what goes over HTTP, nothing else. */

export const ScimPath = { users: "/Users", groups: "/Groups", config: "/ServiceProviderConfig" } as const;

export const ScimSchema = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  enterprise: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  patchOp: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
} as const;

export interface ScimMeta {
  created?: string;
  lastModified?: string;
  version?: string;
}

export interface ScimEnterprise {
  employeeNumber?: string;
  department?: string;
  costCenter?: string;
  organization?: string;
  division?: string;
  manager?: { value?: string; displayName?: string };
}

export interface ScimUser {
  schemas?: string[];
  id: string;
  externalId?: string;
  userName: string;
  name?: { givenName?: string; familyName?: string; formatted?: string };
  displayName?: string;
  title?: string;
  userType?: string;
  active?: boolean;
  emails?: Array<{ value: string; type?: string; primary?: boolean }>;
  /** readOnly: the groups the user is a member of, when the server reports them. */
  groups?: Array<{ value: string; display?: string }>;
  [ScimSchema.enterprise]?: ScimEnterprise;
  meta?: ScimMeta;
}

export interface ScimGroup {
  schemas?: string[];
  id: string;
  externalId?: string;
  displayName: string;
  members?: Array<{ value: string; display?: string }>;
  meta?: ScimMeta;
}

export interface ListResponse<T> {
  totalResults: number;
  startIndex?: number;
  itemsPerPage?: number;
  Resources?: T[];
}

export interface PatchOperation {
  op: "add" | "remove" | "replace";
  path?: string;
  value?: unknown;
}

/** What the server says it supports (ServiceProviderConfig), reduced to what the connector decides on. */
export interface ScimFeatures {
  patch: boolean;
  etag: boolean;
  /** Largest page to ask for. */
  maxResults: number;
}

/**
 * `attr eq "value"` with the value as a JSON string literal, which is what RFC 7644 §3.4.2.2 makes a compValue:
 * quotes and backslashes are escaped, so a name can never change the filter's meaning.
 */
export function scimEq(attribute: string, value: string): string {
  return `${attribute} eq ${JSON.stringify(value)}`;
}

/** Conditions joined by `or` (duplicates dropped). */
export function scimAnyOf(conditions: string[]): string {
  return [...new Set(conditions)].join(" or ");
}
