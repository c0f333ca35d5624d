import type { Issue } from "../errors";
import { HrIssueCode } from "./errors";
import type { Person } from "./person";
import { shown } from "./shown";

export interface AnomalyOptions {
  /** Largest tolerated drop in row count, in percent of the previous export. Default 5. */
  maxDropPercent?: number;
  /** Largest tolerated share of people (present in both exports) who changed department, in percent. Default 15. */
  maxDepartmentChangePercent?: number;
}

/** How many vanished people are listed one by one before the rest are summed up in one issue. */
const listedGone = 10;

/**
 * The anomaly gate: compares an export with the previous one and reports, as blocking errors, the signs of a
 * truncated or mangled export — a large drop in rows, people who vanished without ever being recorded as
 * leaving, and an implausible share of department changes. Pure; `validate --accept-anomalies` downgrades them.
 */
export function checkAnomalies(previous: Person[], current: Person[], options: AnomalyOptions = {}): Issue[] {
  const maxDrop = options.maxDropPercent ?? 5;
  const maxChurn = options.maxDepartmentChangePercent ?? 15;
  const issues: Issue[] = [];
  const file = current[0]?.source.file ?? previous[0]?.source.file;
  const fix = "If the change is real, re-run with --accept-anomalies; otherwise re-export the file from the HR system.";

  const drop = previous.length === 0 ? 0 : ((previous.length - current.length) / previous.length) * 100;
  if (drop > maxDrop) {
    issues.push({
      severity: "error",
      code: HrIssueCode.anomalyRowDrop,
      file,
      fix,
      message: `the export has ${current.length} people, ${drop.toFixed(1)}% fewer than the previous ${previous.length} (limit ${maxDrop}%)`,
    });
  }

  const now = new Map(current.map((p) => [p.employeeId, p]));
  const gone = previous.filter((p) => !now.has(p.employeeId) && p.status !== "terminated" && !p.terminationDate);
  for (const p of gone.slice(0, listedGone)) {
    issues.push({
      severity: "error",
      code: HrIssueCode.anomalyPersonGone,
      file: p.source.file,
      row: p.source.row,
      fix,
      message: `${shown(p.employeeId)} (${shown(p.displayName)}) is gone from the export without a termination record`,
    });
  }
  if (gone.length > listedGone) {
    issues.push({
      severity: "error",
      code: HrIssueCode.anomalyPersonGone,
      file,
      fix,
      message: `…and ${gone.length - listedGone} more people gone without a termination record`,
    });
  }

  let both = 0;
  let moved = 0;
  for (const p of previous) {
    const q = now.get(p.employeeId);
    if (!q) continue;
    both++;
    if ((q.department ?? "") !== (p.department ?? "")) moved++;
  }
  const churn = both === 0 ? 0 : (moved / both) * 100;
  if (churn > maxChurn) {
    issues.push({
      severity: "error",
      code: HrIssueCode.anomalyDepartmentChurn,
      file,
      fix,
      message: `${moved} of ${both} people (${churn.toFixed(1)}%) changed department (limit ${maxChurn}%)`,
    });
  }
  return issues;
}
