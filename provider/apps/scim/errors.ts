import { IdlcError } from "../../errors";

/** An account names a SCIM instance the stack config does not define. */
export class ScimInstanceUnknownError extends IdlcError {
  override name = "ScimInstanceUnknownError";
  constructor(instance: string, known: string[]) {
    const message = `scim: no instance '${instance}' in identity:scim (configured: ${known.join(", ") || "none"})`;
    super("SCIM_INSTANCE_UNKNOWN", message, {
      fix: `Add identity:scim.${instance} with baseUrl and token to the stack config, or fix the instance name in the role files.`,
      context: { app: "scim", instance },
    });
    this.message = message; // see AccountStillEnabledError: rehydrated classes lose super()'s message
  }
}

/** An account should be in a group that does not exist in the app. */
export class ScimGroupMissingError extends IdlcError {
  override name = "ScimGroupMissingError";
  constructor(instance: string, group: string, employeeId: string) {
    const message = `scim/${instance}: group '${group}' for ${employeeId} does not exist in the app`;
    super("SCIM_GROUP_MISSING", message, {
      fix: "Declare the group as a managed ScimGroup (or create it in the app) so accounts can be added to it.",
      context: { app: "scim", instance, group, employeeId },
    });
    this.message = message; // see AccountStillEnabledError: rehydrated classes lose super()'s message
  }
}

/** The server has no PATCH, and group membership is never changed by PUT of all members. */
export class ScimPatchUnsupportedError extends IdlcError {
  override name = "ScimPatchUnsupportedError";
  constructor(instance: string, employeeId: string) {
    const message = `scim/${instance}: cannot change group membership of ${employeeId}: the server does not support PATCH`;
    super("SCIM_PATCH_UNSUPPORTED", message, {
      fix: "Manage this app's groups in the app itself (remove `groups` for it from the role files); PUT of all members would race other writers.",
      context: { app: "scim", instance, employeeId },
    });
    this.message = message; // see AccountStillEnabledError: rehydrated classes lose super()'s message
  }
}

/** The userName an account should get already belongs to another employee's account. */
export class ScimUserNameTakenError extends IdlcError {
  override name = "ScimUserNameTakenError";
  constructor(instance: string, userName: string, holder: string, employeeId: string) {
    const message = `scim/${instance}: userName '${userName}' belongs to employee ${holder}, not ${employeeId}`;
    super("SCIM_USERNAME_TAKEN", message, {
      fix: "Give one of the two people a different userName in HR or the role files' username rule.",
      context: { app: "scim", instance, employeeId },
    });
    this.message = message; // see AccountStillEnabledError: rehydrated classes lose super()'s message
  }
}
