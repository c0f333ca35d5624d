import { IdlcError } from "../../errors";

/** Delete reached an Entra account that is still enabled: the two-phase leaver rule refuses. */
export class EntraAccountActiveError extends IdlcError {
  override name = "EntraAccountActiveError";
  constructor(employeeId: string, upn: string) {
    super(
      "ACCOUNT_STILL_ENABLED",
      `entra: refusing to delete ${upn} (${employeeId}) because it is still enabled (a deleted user stays restorable in deleted items for 30 days)`,
      {
        fix: "Disable it first: terminate the person in HR and run up; delete comes after the retention period.",
        context: { app: "entra", employeeId },
      },
    );
  }
}

/** An account names a group (or an admin group) that does not exist in the tenant. */
export class EntraGroupMissingError extends IdlcError {
  override name = "EntraGroupMissingError";
  constructor(employeeId: string, group: string) {
    super("GROUP_MISSING", `entra: group '${group}' for ${employeeId} does not exist in the tenant`, {
      fix: "Declare the group in the roles files so the stack creates it (EntraGroup), or set identity:entra.adminGroup to an existing group.",
      context: { app: "entra", employeeId, group },
    });
  }
}
