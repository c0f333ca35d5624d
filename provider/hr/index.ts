/**
 * @module hr
 * HR ingestion, the first half of idlc's pure core: an HR export (CSV from BambooHR, Workday, Rippling,
 * Gusto, Personio, HiBob or any generic sheet) becomes validated `Person` values plus every problem found,
 * each an `Issue` naming file, row and column. Also: where a person stands on a date (`lifecycleOf`), the
 * anomaly gate against the previous export (`checkAnomalies`). Pure: the shell reads the files
 * (provider/stack-files), so everything here takes bytes or text.
 *
 * @example
 * const { people, issues } = readHrExport({ file: "people.csv", text, preset: "generic" });
 * if (issues.some((i) => i.severity === "error")) issues.forEach((i) => console.error(formatIssue(i)));
 * const state = lifecycleOf(people[0], "2026-11-25", { preHireDays: 7, retentionDays: 30 });
 */
export { readHrExport, type ReadHrExportOptions, type HrExportContent, type HrRead } from "./read-export";
export { decodeExport, encodeExport, isEncodingLabel } from "./decode";
export { lifecycleOf, addDays } from "./lifecycle";
export { checkAnomalies, type AnomalyOptions } from "./anomalies";
export { PresetName, presets, type Preset } from "./presets";
export { HrField, requiredFields } from "./fields";
export { allApps, fieldsNeededBy, stackNeeds } from "./app-fields";
export { HrIssueCode, HrSourceError } from "./errors";
export { Person, HrStatus, EmploymentType, IsoDate, LifecycleState, LifecycleSettings } from "./person";
