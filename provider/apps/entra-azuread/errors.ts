import { IdlcError } from "../../errors";

/** `identity:entra` has an unknown mode, or azuread-mode settings that fail their schema. */
export class EntraModeError extends IdlcError {
  override name = "EntraModeError";
  constructor(key: string, problem: string, fix: string) {
    super("ENTRA_MODE_INVALID", `${key}: ${problem}`, { fix, context: { app: "entra", key } });
  }
}

/** The access plan asks for something azuread mode cannot declare (or cannot declare safely). */
export class AzureadPlanError extends IdlcError {
  override name = "AzureadPlanError";
  constructor(message: string, fix: string, employeeId?: string) {
    super("AZUREAD_PLAN_UNSUPPORTED", message, {
      fix,
      context: { app: "entra", ...(employeeId ? { employeeId } : {}) },
    });
  }
}
