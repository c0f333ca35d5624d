import { IdlcError, type ErrorContext, type Issue } from "../errors";

/**
 * Stable codes of every problem the access model reports. Row-level problems are `Issue` values (collected,
 * reported together); a file that cannot be read at all throws `AccessFileError`.
 */
export const AccessCode = {
  fileInvalid: "ACCESS_FILE_INVALID",
  roleInvalid: "ROLE_INVALID",
  roleDuplicate: "ROLE_DUPLICATE",
  roleUnknown: "ROLE_UNKNOWN",
  roleCycle: "ROLE_CYCLE",
  appUnknown: "APP_UNKNOWN",
  appNotEnabled: "APP_NOT_ENABLED",
  ruleInvalid: "RULE_INVALID",
  ruleUnmatched: "RULE_MATCHES_NOBODY",
  ruleFieldUnread: "RULE_FIELD_NOT_IN_EXPORT",
  grantInvalid: "GRANT_INVALID",
  sodConflict: "SOD_CONFLICT",
  licenseConflict: "LICENSE_CONFLICT",
  approvalMissing: "APPROVAL_MISSING",
  approvalInvalid: "APPROVAL_INVALID",
  personDuplicate: "PERSON_DUPLICATE",
  usernameTaken: "USERNAME_TAKEN",
  emailUnavailable: "EMAIL_UNAVAILABLE",
  personaInvalid: "PERSONA_INVALID",
  personaFailed: "PERSONA_FAILED",
  appValueMapped: "APP_VALUE_MAPPED",
  appValueRefused: "APP_VALUE_REFUSED",
} as const;
export type AccessCode = (typeof AccessCode)[keyof typeof AccessCode];

/** Where an issue points: a file and 1-based row (a CSV row or a YAML line), and optionally a column/key. */
export interface Where {
  file?: string;
  row?: number;
  column?: string;
}

export function accessIssue(
  severity: Issue["severity"],
  code: AccessCode,
  message: string,
  fix: string,
  where: Where = {},
): Issue {
  const issue: Issue = { severity, code, message, fix };
  if (where.file !== undefined) issue.file = where.file;
  if (where.row !== undefined) issue.row = where.row;
  if (where.column !== undefined) issue.column = where.column;
  return issue;
}

/** A role, rules, personas or approvals file that cannot be parsed at all (not YAML, not CSV, wrong shape). */
export class AccessFileError extends IdlcError {
  override name = "AccessFileError";
  constructor(message: string, fix: string, context: ErrorContext, cause?: unknown) {
    super(AccessCode.fileInvalid, message, { fix, context, cause });
  }
}
