/**
 * @module sandbox/slack
 * An emulator of Slack's SCIM v2 API that follows app-apis.md §1: Slack's error bodies (`status` as a number),
 * 10-per-page default and 1000 max, DELETE that only deactivates, `email_taken` for a deactivated user's email,
 * userName rules, the undeletable primary owner, per-resource write locks and the documented rate limits
 * answered with 429 + Retry-After. `startSlackEmulator()` for tests, `slackEmulator` for `idlc sandbox start`.
 */
import type { EmulatorDefinition } from "../registry";
import { startSlackEmulator } from "./server";

export { startSlackEmulator, type SlackControl, type SlackEmulator, type SlackEmulatorOptions } from "./server";
export { SLACK_SCIM_LIMITS, type Limit } from "./rate-limit";
export { DEFAULT_COUNT, MAX_COUNT } from "./list";
export { MAX_USERNAME, normaliseUserName } from "./user-record";
export { PRIMARY_OWNER } from "./store";

export const slackEmulator: EmulatorDefinition = {
  name: "slack",
  start: (options) => startSlackEmulator(options),
};
