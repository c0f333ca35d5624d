import type { Issue } from "../errors";
import { HrIssueCode } from "./errors";
import type { HrField } from "./fields";
import { managerCycles } from "./manager-cycles";
import type { Person } from "./person";
import { shown } from "./shown";

/**
 * Checks that need the whole export: duplicate ids and work emails (errors), managers that resolve to nobody
 * (a warning; the reference is dropped), and reporting cycles (an error: a loop puts a manager among their own
 * reports, so `reportsTo` rules would grant them their team's access). Manager references are resolved in place
 * to employee ids, trying employee id, then work email, then an exact "Last, First" / "First Last" name
 * (app-apis.md §6). Linear in the number of people.
 */
export function checkPeople(people: Person[], file: string, columnOf: (field: HrField) => string): Issue[] {
  const issues: Issue[] = [];
  const at = (
    p: Person,
    field: HrField,
    code: string,
    message: string,
    fix: string,
    severity: Issue["severity"] = "error",
  ) => issues.push({ severity, code, message, fix, file, row: p.source.row, column: columnOf(field) });

  const byId = new Map<string, Person>();
  const byEmail = new Map<string, Person>();
  for (const p of people) {
    const first = byId.get(p.employeeId);
    if (first) {
      at(
        p,
        "employeeId",
        HrIssueCode.idDuplicate,
        `duplicate employee id "${shown(p.employeeId)}" (first on row ${first.source.row})`,
        "Give every person a unique employee id; remove the duplicated row.",
      );
    } else byId.set(p.employeeId, p);
    if (p.workEmail === undefined) continue;
    const owner = byEmail.get(p.workEmail);
    if (owner) {
      at(
        p,
        "workEmail",
        HrIssueCode.emailDuplicate,
        `duplicate work email "${shown(p.workEmail)}" (also ${shown(owner.employeeId)} on row ${owner.source.row})`,
        "Give every person their own work email in the HR system.",
      );
    } else byEmail.set(p.workEmail, p);
  }

  let byName: Map<string, Person | null> | undefined; // built only if some reference is a name
  for (const p of people) {
    const ref = p.managerId;
    if (ref === undefined || byId.has(ref)) continue;
    byName ??= namesOf(people);
    const manager = byEmail.get(ref.toLowerCase()) ?? byName.get(ref.toLowerCase());
    if (manager) {
      p.managerId = manager.employeeId;
    } else {
      // A manager filtered out of the export (an active-only report) is ordinary: the person is read without one,
      // which can only withhold what a `reportsTo` rule would grant, never grant more.
      const why =
        byName.get(ref.toLowerCase()) === null ? "matches several people" : "matches no employee id, email or name";
      delete p.managerId;
      at(
        p,
        "managerId",
        HrIssueCode.managerUnknown,
        `manager "${shown(ref)}" of ${shown(p.employeeId)} ${why}: ` +
          "read as having no manager, so reportsTo rules skip them",
        "Reference the manager by employee id, and make sure the manager's row is in the export.",
        "warning",
      );
    }
  }

  for (const cycle of managerCycles(people, byId)) {
    const head = cycle[0]!;
    at(
      head,
      "managerId",
      HrIssueCode.managerCycle,
      `manager cycle: ${[...cycle, head].map((p) => shown(p.employeeId)).join(" → ")}`,
      "Break the cycle: someone in it must report to a person outside it (or to nobody, at the top).",
    );
  }
  return issues;
}

/** Exact-name lookups; `null` marks a name shared by several people, which can never resolve. */
function namesOf(people: Person[]): Map<string, Person | null> {
  const names = new Map<string, Person | null>();
  for (const p of people) {
    const keys = new Set([`${p.lastName}, ${p.firstName}`, `${p.firstName} ${p.lastName}`, p.displayName]);
    for (const key of keys) {
      const k = key.toLowerCase();
      names.set(k, names.has(k) && names.get(k) !== p ? null : p);
    }
  }
  return names;
}
