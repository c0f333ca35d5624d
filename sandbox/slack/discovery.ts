import { Router } from "express";
import { MAX_COUNT } from "./list";
import { ENTERPRISE_URN, GROUP_URN, LIST_URN, SLACK_PROFILE_URN, USER_URN } from "./urns";

const SPC_URN = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

const serviceProviderConfig = {
  schemas: [SPC_URN],
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: MAX_COUNT },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
  authenticationSchemes: [
    {
      type: "oauthbearertoken",
      name: "OAuth Bearer Token",
      description: "Authentication scheme using the OAuth Bearer Token Standard",
    },
  ],
};

const resourceTypes = [
  {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    id: "User",
    name: "User",
    endpoint: "/Users",
    schema: USER_URN,
    schemaExtensions: [
      { schema: ENTERPRISE_URN, required: false },
      { schema: SLACK_PROFILE_URN, required: false },
    ],
  },
  {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    id: "Group",
    name: "Group",
    endpoint: "/Groups",
    schema: GROUP_URN,
  },
];

const schema = (id: string, name: string, attributes: string[]) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
  id,
  name,
  attributes: attributes.map((a) => ({
    name: a,
    type: a === "active" ? "boolean" : "string",
    multiValued: a === "emails" || a === "members",
  })),
});

/**
 * The discovery endpoints of app-apis.md §1.1. v2 names the config `/ServiceProviderConfig`; the v1 spelling
 * `/ServiceProviderConfigs` is answered too because clients probe both.
 */
export function discoveryRoutes(): Router {
  const router = Router();
  router.get(["/ServiceProviderConfig", "/ServiceProviderConfigs"], (_req, res) => res.json(serviceProviderConfig));
  router.get("/ResourceTypes", (_req, res) =>
    res.json({
      schemas: [LIST_URN],
      totalResults: resourceTypes.length,
      itemsPerPage: resourceTypes.length,
      startIndex: 1,
      Resources: resourceTypes,
    }),
  );
  router.get("/Schemas/Users", (_req, res) =>
    res.json(
      schema(USER_URN, "User", [
        "userName",
        "nickName",
        "name",
        "displayName",
        "title",
        "active",
        "emails",
        "externalId",
      ]),
    ),
  );
  router.get("/Schemas/Groups", (_req, res) => res.json(schema(GROUP_URN, "Group", ["displayName", "members"])));
  return router;
}
