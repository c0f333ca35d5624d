import { IdlcError, type ErrorContext } from "../errors";

/** Stable codes of the GitOps helpers' errors. */
export const GitopsCode = {
  ownersInvalid: "GITOPS_OWNERS_INVALID",
} as const;
export type GitopsCode = (typeof GitopsCode)[keyof typeof GitopsCode];

/** `identity:owners` cannot be used: a key that is not an app, `hr` or `stack`, or an owner GitHub cannot route to. */
export class OwnersConfigError extends IdlcError {
  override name = "OwnersConfigError";
  constructor(message: string, fix: string, context: ErrorContext = {}) {
    super(GitopsCode.ownersInvalid, message, { fix, context });
  }
}
