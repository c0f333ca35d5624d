import type { Issue } from "../errors";
import type { ColumnMap } from "./columns";
import type { CsvRecord } from "./csv-read";
import { dayOrderProvedBy, type DayOrder } from "./dates";
import { HrIssueCode } from "./errors";
import { dateFields } from "./fields";
import { shown } from "./shown";

/**
 * The day order the export's own dates prove (`dayOrderProvedBy`), when it settles an ambiguous date and no date
 * contradicts it: used, and said in a warning naming the first proving cell.
 */
export function exportDayOrder(
  records: CsvRecord[],
  columns: ColumnMap,
  file: string,
  issues: Issue[],
): DayOrder | undefined {
  const indices = dateFields.map((f) => columns[f]).filter((i) => i !== undefined);
  let proof: { order: DayOrder; value: string; row: number } | undefined;
  let ambiguous = false;
  for (const record of records) {
    for (const index of indices) {
      const value = record.fields[index] ?? "";
      const order = dayOrderProvedBy(value);
      if (order === undefined) continue;
      if (order === "either") ambiguous = true;
      else if (!proof) proof = { order, value, row: record.row };
      else if (proof.order !== order) return undefined;
    }
  }
  if (!proof || !ambiguous) return undefined;
  const format = proof.order === "day-first" ? "dd/MM/yyyy" : "MM/dd/yyyy";
  issues.push({
    severity: "warning",
    code: HrIssueCode.dateOrderInferred,
    file,
    row: proof.row,
    message:
      `dates like 03/04/2024 are read as ${format}: "${shown(proof.value)}" on row ${proof.row} can only be ` +
      `${proof.order}, and no date in the export is the other way round`,
    fix: `Set identity:hr dateFormat (or --date-format) to ${format} to say so explicitly.`,
  });
  return proof.order;
}
