/** SCIM 2.0 schema URNs as Slack uses them (app-apis.md §1.1). */
export const USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const SLACK_PROFILE_URN = "urn:ietf:params:scim:schemas:extension:slack:profile:2.0:User";
export const PATCH_OP_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const LIST_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
