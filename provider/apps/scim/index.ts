/**
 * @module apps/scim
 * The generic SCIM 2.0 connector: `client.ts` (wire only), `provider.ts`/`group-provider.ts` (the dynamic
 * providers), `account.ts`/`group.ts` (the resource classes), `mapping.ts` (pure mappers). Settings come from
 * `identity:scim` = `{ <instance>: { baseUrl, token, deleteMode, attributeMapping?, … } }`.
 */
export { ScimAccount } from "./account";
export type { ScimAccountArgs } from "./account";
export { ScimGroup } from "./group";
export type { ScimGroupArgs } from "./group";
export { scimAccountProvider } from "./provider";
export { scimGroupProvider } from "./group-provider";
export { createScimClient, scimEq, scimAnyOf, ScimPath, ScimSchema } from "./client";
export type {
  ScimClient,
  ScimCollection,
  ScimUser,
  ScimGroup as ScimWireGroup,
  PatchOperation,
  ScimFeatures,
} from "./client";
export { defaultAttributeMapping, fromScimUser, mappedValues, toScimGroup, toScimUser, toUserPatch } from "./mapping";
export type { ScimAccountInputs, ScimAccountOutputs, ScimGroupInputs, ScimGroupOutputs } from "./mapping";
export type { ScimInstanceSettings, ScimSettings } from "./connection";
export {
  ScimGroupMissingError,
  ScimInstanceUnknownError,
  ScimPatchUnsupportedError,
  ScimUserNameTakenError,
} from "./errors";
