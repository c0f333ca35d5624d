/**
 * The Slack connector's errors: each names the employee and says what to do in Slack's admin UI, because these
 * are the things Slack's SCIM API cannot do (app-apis.md §1.7).
 */
import { IdlcError, type ErrorContext } from "../../errors";

/** The family's base: context always names the app. */
export class SlackError extends IdlcError {
  override name = "SlackError";
  constructor(code: string, message: string, fix: string, context: ErrorContext, cause?: unknown) {
    super(code, message, { fix, cause, context: { app: "slack", ...context } });
  }
}

/** The primary owner cannot be deactivated through SCIM (`cannot_disable_primary_owner`). */
export class SlackPrimaryOwnerError extends SlackError {
  override name = "SlackPrimaryOwnerError";
  constructor(employeeId: string, cause?: unknown) {
    super(
      "SLACK_PRIMARY_OWNER",
      `slack: ${employeeId} is the Primary Owner of the Slack org, who cannot be deactivated through SCIM`,
      "Transfer primary ownership to someone else in Slack's admin settings, then run again.",
      { employeeId },
      cause,
    );
  }
}

/** After an update the user's `active` flag was not what we set, even after one correction (Slack's April 2024 incident). */
export class SlackActiveFlipError extends SlackError {
  override name = "SlackActiveFlipError";
  constructor(employeeId: string, slackId: string, wanted: boolean) {
    super(
      "SLACK_ACTIVE_FLIPPED",
      `slack: user ${slackId} (${employeeId}) is ${wanted ? "deactivated" : "active"} after an update that set active=${wanted}, twice`,
      "Check slack-status.com for a SCIM incident and the user in Slack's admin UI, then run `idlc refresh` and `idlc up` again.",
      { employeeId, slackId },
    );
  }
}

/**
 * The email or username belongs to another employee's Slack user (a deactivated user keeps both): adopting it would
 * reactivate someone else's account, history and all.
 */
export class SlackIdentityTakenError extends SlackError {
  override name = "SlackIdentityTakenError";
  constructor(
    employeeId: string,
    what: "email" | "username",
    value: string,
    holder: { id: string; externalId?: string },
  ) {
    super(
      "SLACK_IDENTITY_TAKEN",
      `slack: the ${what} '${value}' of ${employeeId} is held by Slack user ${holder.id} of employee ${holder.externalId}`,
      `Change the ${what} of Slack user ${holder.id} in Slack's admin UI (or this person's ${what} in HR), then run again.`,
      { employeeId, slackId: holder.id },
    );
  }
}

/** An account names a group that has no Slack user group (it must be a SlackGroup resource of the stack). */
export class SlackGroupMissingError extends SlackError {
  override name = "SlackGroupMissingError";
  constructor(employeeId: string, group: string) {
    super(
      "SLACK_GROUP_MISSING",
      `slack: ${employeeId} should be in user group '${group}', which does not exist in Slack`,
      "Declare the group in the stack's role files so a SlackGroup resource creates it, then run again.",
      { employeeId, group },
    );
  }
}

/** A user the state points at (by Slack id) is gone from Slack. */
export class SlackUserGoneError extends SlackError {
  override name = "SlackUserGoneError";
  constructor(employeeId: string, slackId: string) {
    super(
      "SLACK_USER_GONE",
      `slack: user ${slackId} of ${employeeId} no longer exists in Slack`,
      "Run `idlc refresh` so the next update creates (or adopts) the account again.",
      { employeeId, slackId },
    );
  }
}
