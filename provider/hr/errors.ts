import { IdlcError, type ErrorContext } from "../errors";

/**
 * Stable codes of the row-level problems `readHrExport` and `checkAnomalies` report as `Issue` values.
 * Tests and CI scripts match on these; never rename one.
 */
export const HrIssueCode = {
  notText: "HR_NOT_TEXT",
  encodingGuessed: "HR_ENCODING_GUESSED",
  encodingCannotHold: "HR_ENCODING_CANNOT_HOLD",
  csvMalformed: "HR_CSV_MALFORMED",
  empty: "HR_EMPTY",
  rowShape: "HR_ROW_SHAPE",
  columnMissing: "HR_COLUMN_MISSING",
  columnDuplicate: "HR_COLUMN_DUPLICATE",
  columnUnknown: "HR_COLUMN_UNKNOWN",
  columnsIgnored: "HR_COLUMNS_IGNORED",
  mappingUnknownField: "HR_MAPPING_FIELD_UNKNOWN",
  valueRequired: "HR_VALUE_REQUIRED",
  idDuplicate: "HR_ID_DUPLICATE",
  emailDuplicate: "HR_EMAIL_DUPLICATE",
  emailInvalid: "HR_EMAIL_INVALID",
  emailDomain: "HR_EMAIL_DOMAIN",
  emailGenerated: "HR_EMAIL_GENERATED",
  managerUnknown: "HR_MANAGER_UNKNOWN",
  managerCycle: "HR_MANAGER_CYCLE",
  statusUnknown: "HR_STATUS_UNKNOWN",
  employmentTypeUnknown: "HR_EMPLOYMENT_TYPE_UNKNOWN",
  dateInvalid: "HR_DATE_INVALID",
  dateAmbiguous: "HR_DATE_AMBIGUOUS",
  dateOrderInferred: "HR_DATE_ORDER_INFERRED",
  dateFormatInvalid: "HR_DATE_FORMAT_INVALID",
  terminationBeforeHire: "HR_TERMINATION_BEFORE_HIRE",
  terminationDateMissing: "HR_TERMINATION_DATE_MISSING",
  contractorEndDate: "HR_CONTRACTOR_END_DATE",
  anomalyRowDrop: "HR_ANOMALY_ROW_DROP",
  anomalyPersonGone: "HR_ANOMALY_PERSON_GONE",
  anomalyDepartmentChurn: "HR_ANOMALY_DEPARTMENT_CHURN",
} as const;
export type HrIssueCode = (typeof HrIssueCode)[keyof typeof HrIssueCode];

/** The HR export (or a previous version of it) could not be read at all. */
export class HrSourceError extends IdlcError {
  override name = "HrSourceError";
  constructor(message: string, fix: string, context: ErrorContext, cause?: unknown) {
    super("HR_SOURCE_UNREADABLE", message, { fix, context, cause });
  }
}
