/**
 * @module apps/slack
 * Slack's SCIM v2 connector, composed on the generic SCIM client: `client.ts` (wire, pacing, Slack's error
 * details), `provider.ts`/`group-provider.ts` (the dynamic providers), `account.ts`/`group.ts` (resource classes
 * `idlc:SlackAccount`/`idlc:SlackGroup`), `mapping.ts` (pure mappers). Settings: `identity:slack {baseUrl, token}`.
 * Slack never deletes users: an account's delete after retention leaves it deactivated and forgets it.
 */
export { SlackAccount, type SlackAccountArgs } from "./account";
export { SlackGroup, type SlackGroupArgs } from "./group";
export { slackAccountProvider } from "./provider";
export { slackGroupProvider, type SlackGroupOutputs } from "./group-provider";
export {
  ACCOUNT_OUTPUTS,
  fromSlackUser,
  pickExisting,
  SLACK_MAX_USERNAME,
  slackUserName,
  toSlackPatch,
  toSlackUser,
} from "./mapping";
export type { SlackAccountOutputs } from "./mapping";
export { slackPaceRules } from "./limits";
export { slackSettingsSchema, type SlackSettings } from "./settings";
export {
  SlackActiveFlipError,
  SlackError,
  SlackGroupMissingError,
  SlackIdentityTakenError,
  SlackPrimaryOwnerError,
  SlackUserGoneError,
} from "./errors";
