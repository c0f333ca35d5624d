import { errorFamily } from "../../errors";

/** Stable codes of the state folder. */
export const StateCode = {
  backendUrlUnsupported: "STATE_BACKEND_URL_UNSUPPORTED",
  layoutUnsupported: "STATE_LAYOUT_UNSUPPORTED",
  checkpointInvalid: "STATE_CHECKPOINT_INVALID",
  checkpointVersion: "STATE_CHECKPOINT_VERSION",
  integrity: "STATE_INTEGRITY",
  locked: "STATE_LOCKED",
  journalInvalid: "STATE_JOURNAL_INVALID",
  journalClosed: "STATE_JOURNAL_CLOSED",
  historyInvalid: "STATE_HISTORY_INVALID",
} as const;
export type StateCode = (typeof StateCode)[keyof typeof StateCode];

/** A problem reading or writing the diy backend; `context.file` names the file involved. */
export class StateError extends errorFamily<StateCode>("StateError") {}
