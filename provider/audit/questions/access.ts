/**
 * Who had access to what at a point in time, from the checkpoint in force then: one row per entitlement of every
 * account, with the roles behind it, since when it was held and who approved it.
 */
import { asOfInstant } from "../dates";
import { buildSnapshots, entitlementsOf, sinceKey, snapshotAt, type Snapshot } from "./snapshots";
import { updateRef, type UpdateRef } from "./timeline";
import { effectiveTime, type AuditUpdate } from "../read/update";

export interface AccessRow {
  employeeId: string;
  name: string;
  app: string;
  entitlement: string;
  /** The account could be signed in to (disabled accounts are listed too: they still exist). */
  enabled: boolean;
  lifecycle: string;
  privileged: boolean;
  roles: string;
  /** Since when the entitlement has been held in this state (enabled or disabled) without a break: that update's effective time. */
  since: string;
  sinceVersion: number;
  /** `approver (ticket, date)`, `; `-joined. */
  approvedBy: string;
}

export interface AccessAsOf {
  asOf: string;
  /** The update whose checkpoint answered; undefined when the stack had no state yet. */
  basedOn?: UpdateRef;
  /** Updates finished by then whose checkpoint is unknown (exports missing): their changes are not reflected. */
  unknownUpdates: number[];
  rows: AccessRow[];
}

export interface AccessOptions {
  app?: string;
}

/** @param asOf a date (`yyyy-MM-dd`, end of that day UTC) or an RFC 3339 time. */
export function accessAsOf(
  updates: readonly AuditUpdate[],
  asOf: string,
  options: AccessOptions = {},
  snapshots = buildSnapshots(updates),
): AccessAsOf {
  const instant = asOfInstant(asOf);
  const snapshot = snapshotAt(snapshots, instant);
  const after = snapshot ? Date.parse(effectiveTime(snapshot.update)) : -Infinity;
  const unknownUpdates = updates
    .filter(
      (u) =>
        !u.resources && Date.parse(effectiveTime(u)) > after && Date.parse(effectiveTime(u)) <= Date.parse(instant),
    )
    .map((u) => u.version);
  return {
    asOf: instant,
    ...(snapshot ? { basedOn: updateRef(snapshot.update) } : {}),
    unknownUpdates,
    rows: accessRows(snapshot, options),
  };
}

/** The entitlement rows of a snapshot, sorted by person, app and entitlement. */
export function accessRows(snapshot: Snapshot | undefined, options: AccessOptions = {}): AccessRow[] {
  if (!snapshot) return [];
  const rows: AccessRow[] = [];
  for (const [key, account] of snapshot.accounts) {
    if (options.app && account.app !== options.app && account.appKey !== options.app) continue;
    for (const e of entitlementsOf(account, snapshot.groups)) {
      const since = snapshot.since.get(sinceKey(key, e.entitlement, account.enabled))!;
      rows.push({
        employeeId: account.employeeId,
        name: account.displayName ?? account.employeeId,
        app: account.appKey,
        entitlement: e.entitlement,
        enabled: account.enabled,
        lifecycle: account.lifecycle ?? "",
        privileged: e.privileged,
        roles: e.roleIds.join(" "),
        since: effectiveTime(since),
        sinceVersion: since.version,
        approvedBy: e.approvals.map((a) => `${a.approver} (${a.ticket}, ${a.date})`).join("; "),
      });
    }
  }
  const order = (r: AccessRow) =>
    [r.employeeId, r.app, r.entitlement === "account" ? "" : r.entitlement].join("\u0000");
  return rows.sort((a, b) => order(a).localeCompare(order(b)));
}
