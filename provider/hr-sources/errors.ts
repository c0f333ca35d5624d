import { errorFamily } from "../errors";

/** Stable codes of a refused pull; CI scripts match on them. */
export type HrPullCode =
  | "HR_PULL_SETTINGS"
  | "HR_PULL_CREDENTIAL"
  | "HR_PULL_UNAUTHENTICATED"
  | "HR_PULL_FORBIDDEN"
  | "HR_PULL_UNAVAILABLE"
  | "HR_PULL_INCOMPLETE"
  | "HR_PULL_PAGING"
  | "HR_PULL_RESPONSE"
  | "HR_PULL_RECORD";

/** A pull that could not fetch a complete, trustworthy copy of the HR data: nothing is written. */
export class HrPullError extends errorFamily<HrPullCode>("HrPullError") {}
