import { IdlcError } from "../../errors";

/** Delete reached a Google account that is not suspended: the two-phase leaver rule refuses. */
export class GoogleAccountActiveError extends IdlcError {
  override name = "GoogleAccountActiveError";
  constructor(employeeId: string, email: string) {
    super(
      "ACCOUNT_STILL_ENABLED",
      `google: refusing to delete ${email} (${employeeId}) because it is not suspended (a deleted Google user is restorable for 20 days only)`,
      {
        fix: "Suspend it first: terminate the person in HR and run up; delete comes after the retention period.",
        context: { app: "google", employeeId },
      },
    );
  }
}

/** An account names a group that does not exist in Google Workspace. */
export class GoogleGroupMissingError extends IdlcError {
  override name = "GoogleGroupMissingError";
  constructor(employeeId: string, group: string) {
    super("GROUP_MISSING", `google: group ${group} for ${employeeId} does not exist`, {
      fix: "Declare the group in the roles files so the stack creates it (GoogleGroup) before its members, or fix its name.",
      context: { app: "google", employeeId, group },
    });
  }
}
