/**
 * What Slack accepts over SCIM (app-apis.md §1.3 and §1.6): a username of at most 21 characters as Slack stores
 * it, and a display name of at most 80 characters without emoji that does not start with '@'.
 */
import type { AppAccepts } from "../shared/accepts";
import { SLACK_MAX_USERNAME, slackUserName } from "./mapping";

export const slackAccepts: AppAccepts = {
  label: "Slack",
  rules: [
    {
      field: "userName",
      appField: "userName",
      rule:
        `Slack takes a username of 1–${SLACK_MAX_USERNAME} characters once lower-cased, characters other ` +
        "than letters, digits, '.', '_' and '-' turned into '_'",
      view: slackUserName,
      required: true,
      maxLength: SLACK_MAX_USERNAME,
    },
    {
      field: "displayName",
      appField: "displayName",
      rule: "Slack takes a display name of at most 80 characters, without emoji, not starting with '@'",
      maxLength: 80,
      refused: /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{fe0f}]/u,
      forbidden: [{ pattern: /^\s*@+/g, why: "it starts with '@'" }],
      mappable: true,
    },
  ],
};
