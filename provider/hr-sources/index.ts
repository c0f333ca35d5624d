/**
 * @module hr-sources
 * HR integration that runs itself: `idlc hr pull` reads everyone (active and inactive) from the HR system's API —
 * BambooHR, HiBob, Personio, Rippling, Workday — maps the vendor's fields to the stack's export file, and refuses partial data
 * (unreadable fields, paging cut short, a repeated cursor, errors past the retry budget) before anything is
 * written. The I/O half of HR ingestion; provider/hr stays the pure core that validates what comes back.
 *
 * @example
 * const connection = resolveConnection(source, credential, projectDir, today);
 * const pulled = await pullExport({ vendor: source.vendor, connection, file, read: { file: "people.csv", preset } });
 * if (!pulled.issues.some((i) => i.severity === "error") && pulled.changed) writeExport(file, pulled.text!);
 */
export { HrSourceSettings, HrVendor, FastLane, credentialKey } from "./settings";
export { resolveConnection, sandboxName } from "./connection";
export { readCommittedExport, writeExport } from "./export-file";
export { pullExport, type PullExportOptions, type PulledExport } from "./pull-export";
export { changedSince, fetchRecords } from "./fetch-records";
export { vendors } from "./vendors";
export { exportLayout, type ExportLayout } from "./layout";
export { renderExport, parseExport } from "./render-export";
export { unreadableIssues } from "./completeness";
export { HrPullError, type HrPullCode } from "./errors";
export type { Connection, PulledRecord, HrVendorSource } from "./record";
export { feedSince, saveFeedMarker } from "./feed-marker";
export {
  HrTermination,
  terminationsFile,
  newTerminations,
  terminationEvents,
  pulledTerminations,
  readTerminations,
  recordTerminations,
} from "./terminations";
