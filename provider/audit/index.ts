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
export { readBackendHistory, historyDirOf, bookkeepingDir, listHistoryFiles, type BackendSource, type HistoryFiles } from "./read-backend";
export { readExportedHistory, joinExports, type ExportedSource } from "./read-exports";
export { parseHistoryEntry, parseCheckpoint, parseStackExport, parseHistoryJson, parseTime, type UpdateRecord, type StateRecord } from "./parse";
export {
  effectiveTime, updateEnvironment, type AuditUpdate, type FailedAttempt, type UpdateEnvironment,
} from "./update";
export type { AuditAccount, AuditGroup, AuditResource } from "./resources";
export { buildSnapshots, snapshotAt, entitlementsOf, accountsOf, type Snapshot, type Entitlement } from "./snapshots";
export { failedAttemptsOf } from "./timeline";
export { personTimeline, diffAccount, updateRef, type PersonTimeline, type TimelineEvent, type TimelineEventType, type UpdateRef } from "./timeline";
export { accessAsOf, accessRows, type AccessAsOf, type AccessRow, type AccessOptions } from "./access";
export { accessReview, reviewCsv, type ReviewRow, type ReviewOptions } from "./review";
export { toCsv, neutraliseCell } from "./csv";
export { asOfInstant } from "./dates";
export { auditMetrics, distribution, type AuditMetrics, type Measure, type Distribution, type MetricsOptions } from "./metrics";
export { appendToChain, chainEntry, sha256, CHAIN_FILE, GENESIS, type ChainLine } from "../../engine/provider-interface";
export { verifyChain, type ChainVerification, type ChainMismatch } from "./verify-chain";
export { policyResults, type PolicyResult } from "./policy-events";
export { reportModel, type ReportModel, type ReportInput } from "./report-model";
export { renderReport } from "./render-report";
export { formatTimeline, formatAccess, formatMetrics, formatVerification, formatUpdateRef } from "./format-text";
export { AuditCode, AuditSourceError } from "./errors";
