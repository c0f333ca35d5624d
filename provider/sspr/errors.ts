/** The sspr error family: configuration mistakes thrown when the portal is built, and state-file problems. */
import { IdlcError, type ErrorContext } from "../errors";

export type SsprCode =
  "SSPR_CONFIG_INVALID" | "SSPR_STATE_INVALID" | "SSPR_TARGET_FAILED" | "SSPR_MAIL_FAILED" | "SSPR_NOT_ELIGIBLE";

export class SsprError extends IdlcError {
  override name = "SsprError";
  constructor(code: SsprCode, message: string, fix: string, context: ErrorContext = {}, cause?: unknown) {
    super(code, message, { fix, context, cause });
  }
}
