/**
 * The state after each update, indexed for audit questions: accounts by `<appKey>/<employeeId>`, groups by
 * `<appKey>/<name>`, every account's entitlements with the roles, approvals and the update since which each one
 * has been held without a break.
 */
import type { Approval } from "../../access";
import type { AuditAccount, AuditGroup } from "../read/resources";
import { effectiveTime, type AuditUpdate } from "../read/update";

/** One thing an account holds: `account`, `admin`, `group:<name>` or `license:<sku>`. */
export interface Entitlement {
  entitlement: string;
  roleIds: string[];
  privileged: boolean;
  expires?: string;
  approvals: Approval[];
}

export interface Snapshot {
  update: AuditUpdate;
  accounts: Map<string, AuditAccount>;
  groups: Map<string, AuditGroup>;
  /** `sinceKey(…)` → the first update of the unbroken run (same entitlement, same enabled state) that led here. */
  since: Map<string, AuditUpdate>;
}

/**
 * The key "since" is tracked under. The enabled state is part of it: a rehired person's access runs from the
 * re-enabling, not from the account's first creation, and a disabled account's rows say since when it is disabled.
 */
export const sinceKey = (account: string, entitlement: string, enabled: boolean): string =>
  `${account}#${entitlement}#${enabled ? "on" : "off"}`;

/** The key of an account: `slack/E100`, `scim:github/E100`. */
export const accountKey = (a: Pick<AuditAccount, "appKey" | "employeeId">): string => `${a.appKey}/${a.employeeId}`;

/** What an account holds, each with the grant that explains it (groups marked privileged count as privileged). */
export function entitlementsOf(account: AuditAccount, groups: ReadonlyMap<string, AuditGroup>): Entitlement[] {
  const names = [
    "account",
    ...(account.admin ? ["admin"] : []),
    ...account.groups.map((g) => `group:${g}`),
    ...(account.license ? [`license:${account.license}`] : []),
  ];
  return names.map((entitlement) => {
    const grant = account.grants.find((g) => g.entitlement === entitlement);
    const roleIds = grant?.roleIds ?? [];
    const group = entitlement.startsWith("group:")
      ? groups.get(`${account.appKey}/${entitlement.slice(6)}`)
      : undefined;
    const privileged = Boolean(grant?.privileged || group?.privileged || entitlement === "admin");
    return {
      entitlement,
      roleIds,
      privileged,
      ...(grant?.expires ? { expires: grant.expires } : {}),
      approvals: account.approvals.filter((a) => roleIds.includes(a.roleId)),
    };
  });
}

/** The updates that carry a checkpoint, as snapshots, oldest first. */
export function buildSnapshots(updates: readonly AuditUpdate[]): Snapshot[] {
  const out: Snapshot[] = [];
  let previous: Snapshot | undefined;
  for (const update of updates) {
    if (!update.resources) continue;
    const accounts = new Map<string, AuditAccount>();
    const groups = new Map<string, AuditGroup>();
    for (const r of update.resources) {
      if (r.kind === "account") accounts.set(accountKey(r), r);
      else groups.set(`${r.appKey}/${r.name}`, r);
    }
    const since = new Map<string, AuditUpdate>();
    for (const [key, account] of accounts) {
      for (const { entitlement } of entitlementsOf(account, groups)) {
        const id = sinceKey(key, entitlement, account.enabled);
        since.set(id, previous?.since.get(id) ?? update);
      }
    }
    previous = { update, accounts, groups, since };
    out.push(previous);
  }
  return out;
}

/** The snapshot in force at `instant` (RFC 3339): the last one whose update had finished by then. */
export function snapshotAt(snapshots: readonly Snapshot[], instant: string): Snapshot | undefined {
  const at = Date.parse(instant);
  return snapshots.filter((s) => Date.parse(effectiveTime(s.update)) <= at).pop();
}

/** The accounts of one person in a snapshot, by app key. */
export function accountsOf(snapshot: Snapshot | undefined, employeeId: string): AuditAccount[] {
  return snapshot ? [...snapshot.accounts.values()].filter((a) => a.employeeId === employeeId) : [];
}
