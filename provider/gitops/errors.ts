import { IdlcError, type ErrorContext } from "../errors";

/** Stable codes of the GitOps helpers' errors. */
export const GitopsCode = {
  ownersInvalid: "GITOPS_OWNERS_INVALID",
  stackAmbiguous: "GITOPS_STACK_AMBIGUOUS",
} as const;
export type GitopsCode = (typeof GitopsCode)[keyof typeof GitopsCode];

/** `identity:owners` cannot be used: a key that is not an app, `hr` or `stack`, or an owner GitHub cannot route to. */
export class OwnersConfigError extends IdlcError {
  override name = "OwnersConfigError";
  constructor(message: string, fix: string, context: ErrorContext = {}) {
    super(GitopsCode.ownersInvalid, message, { fix, context });
  }
}

/** No stack was named and the project has none or several: the comment must name the stack it previews. */
export class StackChoiceError extends IdlcError {
  override name = "StackChoiceError";
  constructor(known: readonly string[]) {
    super(GitopsCode.stackAmbiguous, `choose a stack (stacks: ${known.join(", ") || "none"})`, { fix: "Pass --stack NAME or set PULUMI_STACK." });
  }
}
