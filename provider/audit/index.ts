/**
 * @module audit
 * The stack history as an audit trail. Readers turn a diy (`file://`) backend's history and checkpoints, or exported
 * files (`pulumi stack history --json`, `pulumi stack export`), into normalised updates whose idlc accounts and
 * groups keep secrets as ciphertext. On top: a person's timeline per app (`personTimeline`), access at a point in
 * time (`accessAsOf`), an access-review export (`accessReview`, `reviewCsv`), provisioning metrics
 * (`auditMetrics`), the tamper-evident hash chain (`appendToChain`, `verifyChain`) and the HTML report.
 *
 * @example
 * const updates = readBackendHistory({ backendDir: ".", project: "identity", stack: "prod" });
 * const { rows } = accessAsOf(updates, "2026-03-31", { app: "slack" });
 * process.stdout.write(formatTimeline(personTimeline(updates, "E100")));
 */
export {
  readBackendHistory,
  historyDirOf,
  bookkeepingDir,
  listHistoryFiles,
  type BackendSource,
  type HistoryFiles,
} from "./read";
export { readExportedHistory, joinExports, mergeStackHistories, type ExportedSource } from "./read";
export {
  parseHistoryEntry,
  parseCheckpoint,
  parseStackExport,
  parseHistoryJson,
  parseTime,
  type UpdateRecord,
  type StateRecord,
} from "./read";
export { effectiveTime, updateEnvironment, type AuditUpdate, type FailedAttempt, type UpdateEnvironment } from "./read";
export type { AuditAccount, AuditGroup, AuditResource } from "./read";
export { buildSnapshots, snapshotAt, entitlementsOf, accountsOf, type Snapshot, type Entitlement } from "./questions";
export { failedAttemptsOf } from "./questions";
export {
  personTimeline,
  diffAccount,
  updateRef,
  type PersonTimeline,
  type TimelineEvent,
  type TimelineEventType,
  type UpdateRef,
} from "./questions";
export { accessAsOf, accessRows, type AccessAsOf, type AccessRow, type AccessOptions } from "./questions";
export { accessReview, reviewCsv, type ReviewRow, type ReviewOptions } from "./questions";
export { toCsv, neutraliseCell } from "./report";
export { asOfInstant } from "./dates";
export {
  auditMetrics,
  distribution,
  type AuditMetrics,
  type Measure,
  type Distribution,
  type MetricsOptions,
} from "./questions";
export type { HrTerminationEvent, HrToDisabled, SecondsDistribution } from "./questions";
export { appendToChain, chainEntry, sha256, CHAIN_FILE, GENESIS, type ChainLine } from "../../engine/audit-interface";
export {
  eventChainAppender,
  readEventChain,
  serviceLogFile,
  type ServiceEvent,
  type ChainedEvent,
  type EventChainVerification,
  verifyEventLog,
  anchorEnvironment,
  headOf,
  headFileOf,
  PORTAL_LOG_ANCHOR,
  type EventLogHead,
} from "./chain";
export { selfServiceSteps, selfServiceCounts, type SelfServiceStep, type SelfServiceCounts } from "./questions";
export { verifyChain, type ChainVerification, type ChainMismatch, type EventLogSpec } from "./chain";
export { policyResults, type PolicyResult } from "./read";
export { reportModel, type ReportModel, type ReportInput } from "./report";
export { renderReport } from "./report";
export { formatTimeline, formatAccess, formatMetrics, formatVerification, formatUpdateRef } from "./report";
export { AuditCode, AuditSourceError } from "./errors";
