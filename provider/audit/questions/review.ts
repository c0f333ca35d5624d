/**
 * An access review (certification) of the current state: every entitlement of every enabled account, with the
 * reviewer it goes to (the person's manager, or the app's owner), the role that granted it, since when it has
 * been held and who approved it. The `decision` column is left for the reviewer.
 */
import type { Person } from "../../hr";
import { accessRows } from "./access";
import { toCsv } from "../report/csv";
import type { Snapshot } from "./snapshots";

export interface ReviewRow {
  reviewer: string;
  employeeId: string;
  name: string;
  managerId: string;
  manager: string;
  app: string;
  entitlement: string;
  privileged: boolean;
  roles: string;
  since: string;
  approvedBy: string;
}

export interface ReviewOptions {
  app?: string;
  by?: "manager" | "app";
  /** HR people, for names and managers the state does not carry. */
  people?: readonly Person[];
}

export function accessReview(snapshot: Snapshot | undefined, options: ReviewOptions = {}): ReviewRow[] {
  const hr = new Map((options.people ?? []).map((p) => [p.employeeId, p]));
  const accountNames = new Map([...(snapshot?.accounts.values() ?? [])].map((a) => [a.employeeId, a.displayName]));
  const nameOf = (id: string) => hr.get(id)?.displayName ?? accountNames.get(id) ?? id;
  const rows = accessRows(snapshot, options)
    .filter((r) => r.enabled)
    .map((r): ReviewRow => {
      const account = snapshot!.accounts.get(`${r.app}/${r.employeeId}`)!;
      const managerId = account.managerEmployeeId ?? hr.get(r.employeeId)?.managerId ?? "";
      const manager = managerId ? nameOf(managerId) : "";
      const reviewer =
        options.by === "app" ? `${r.app} owner` : managerId ? `${manager} (${managerId})` : "(no manager)";
      return {
        reviewer,
        employeeId: r.employeeId,
        name: hr.get(r.employeeId)?.displayName ?? r.name,
        managerId,
        manager,
        app: r.app,
        entitlement: r.entitlement,
        privileged: r.privileged,
        roles: r.roles,
        since: r.since,
        approvedBy: r.approvedBy,
      };
    });
  const order = (r: ReviewRow) =>
    [r.reviewer, r.name, r.employeeId, r.app, r.entitlement === "account" ? "" : r.entitlement].join("\u0000");
  return rows.sort((a, b) => order(a).localeCompare(order(b)));
}

const COLUMNS = [
  "reviewer",
  "employee_id",
  "name",
  "manager_id",
  "manager",
  "app",
  "entitlement",
  "privileged",
  "granted_by_roles",
  "since",
  "approved_by",
  "decision",
] as const;

/** The review as CSV, safe to open in a spreadsheet; `decision` is empty for the reviewer to fill (keep/revoke). */
export function reviewCsv(rows: readonly ReviewRow[]): string {
  return toCsv(
    COLUMNS,
    rows.map((r) => [
      r.reviewer,
      r.employeeId,
      r.name,
      r.managerId,
      r.manager,
      r.app,
      r.entitlement,
      r.privileged ? "yes" : "no",
      r.roles,
      r.since,
      r.approvedBy,
      "",
    ]),
  );
}
