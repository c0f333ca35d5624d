import { IdlcError, type ErrorContext } from "../errors";

/** The Pulumi project or a stack's config file is missing, unreadable or invalid. */
export class StackConfigError extends IdlcError {
  override name = "StackConfigError";
  constructor(
    code: "CONFIG_PROJECT_NOT_FOUND" | "CONFIG_STACK_NOT_FOUND" | "CONFIG_INVALID",
    message: string,
    fix: string,
    context: ErrorContext = {},
    cause?: unknown,
  ) {
    super(code, message, { fix, context, cause });
  }
}
