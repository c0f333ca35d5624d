import { errorFamily } from "../errors";

/** Stable codes of every problem the audit readers report. */
export const AuditCode = {
  sourceMissing: "AUDIT_SOURCE_MISSING",
  historyInvalid: "AUDIT_HISTORY_INVALID",
  checkpointInvalid: "AUDIT_CHECKPOINT_INVALID",
  exportInvalid: "AUDIT_EXPORT_INVALID",
  accountInvalid: "AUDIT_ACCOUNT_INVALID",
  dateInvalid: "AUDIT_DATE_INVALID",
} as const;
export type AuditCode = (typeof AuditCode)[keyof typeof AuditCode];

/** A history entry, checkpoint or export that is missing, unreadable or not in the Pulumi format. */
export class AuditSourceError extends errorFamily<AuditCode>("AuditSourceError") {}
