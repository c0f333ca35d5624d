import type { Issue } from "../errors";
import type { HrField } from "../hr";
import type { PulledRecord } from "./record";

/**
 * Fail closed on partial data: a field the credential could not read for anyone becomes one blocking issue naming
 * the field, how many people, and the permission to grant. An unreadable value is unknown, and writing it as empty
 * would turn a permission gap into leavers, movers or lost managers.
 */
export function unreadableIssues(
  records: readonly PulledRecord[],
  vendor: string,
  permissions: Partial<Record<HrField, string>>,
  file: string,
): Issue[] {
  const counts = new Map<HrField, number>();
  for (const record of records) for (const field of record.unreadable) counts.set(field, (counts.get(field) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([field, n]) => ({
      severity: "error",
      code: "HR_PULL_FIELD_UNREADABLE",
      file,
      column: field,
      message: `${vendor} did not let the credential read ${field} for ${n} of ${records.length} people`,
      fix: `${permissions[field] ?? "grant the credential read access to this field"}, then pull again.`,
    }));
}
