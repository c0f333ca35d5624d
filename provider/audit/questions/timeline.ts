/**
 * One person's access history per app, found by diffing consecutive checkpoints: each step carries the update
 * that made it, with its time, git commit, author and CI run; plus the person's steps in the reset portal's event
 * chain (requests, links, resets per app, refusals, rate limits), which are not stack updates.
 */
import type { ChainedEvent } from "../chain/event-chain";
import { selfServiceSteps, type SelfServiceStep } from "./self-service";
import type { AuditAccount } from "../read/resources";
import { buildSnapshots, type Snapshot } from "./snapshots";
import { effectiveTime, type AuditUpdate, type FailedAttempt } from "../read/update";

export type TimelineEventType =
  | "created"
  | "enabled"
  | "disabled"
  | "sessions-revoked"
  | "group-added"
  | "group-removed"
  | "admin-granted"
  | "admin-revoked"
  | "license-assigned"
  | "license-removed"
  | "attributes-changed"
  | "deleted"
  | "attempt-failed";

/** The change behind a step: what an auditor follows back to the pull request and the CI run. */
export interface UpdateRef {
  version: number;
  /** The shard whose update it is, in a deployment's merged history. */
  stack?: string;
  time: string;
  kind: AuditUpdate["kind"];
  result: AuditUpdate["result"];
  message: string;
  gitHead?: string;
  gitAuthor?: string;
  ciRun?: string;
}

export interface TimelineEvent {
  app: string;
  event: TimelineEventType;
  detail?: string;
  /** Roles that granted what was added. */
  roleIds?: string[];
  update: UpdateRef;
}

export interface PersonTimeline {
  employeeId: string;
  displayName?: string;
  /** Every step, oldest first. */
  events: TimelineEvent[];
  /** The same steps grouped by app key. */
  apps: Record<string, TimelineEvent[]>;
  /** Steps in the reset portal (`idlc sspr`), oldest first; absent when there are none. */
  selfService?: SelfServiceStep[];
}

export function updateRef(u: AuditUpdate): UpdateRef {
  const { gitHead, gitAuthor, ciRun } = u.environment;
  return {
    version: u.version,
    ...(u.stack ? { stack: u.stack } : {}),
    time: effectiveTime(u),
    kind: u.kind,
    result: u.result,
    message: u.message,
    ...(gitHead ? { gitHead } : {}),
    ...(gitAuthor ? { gitAuthor } : {}),
    ...(ciRun ? { ciRun } : {}),
  };
}

export function personTimeline(
  updates: readonly AuditUpdate[],
  employeeId: string,
  snapshots: readonly Snapshot[] = buildSnapshots(updates),
  serviceEvents: readonly ChainedEvent[] = [],
): PersonTimeline {
  const events: TimelineEvent[] = [];
  let displayName: string | undefined;
  let previous = new Map<string, AuditAccount>();
  for (const snapshot of snapshots) {
    const current = new Map(
      [...snapshot.accounts.values()].filter((a) => a.employeeId === employeeId).map((a) => [a.appKey, a]),
    );
    const ref = updateRef(snapshot.update);
    for (const app of [...new Set([...previous.keys(), ...current.keys()])].sort()) {
      for (const step of diffAccount(previous.get(app), current.get(app))) events.push({ app, ...step, update: ref });
    }
    for (const f of failedAttemptsOf(snapshot.update, employeeId)) {
      events.push({ app: f.app, event: "attempt-failed", detail: `${f.op}: ${f.message}`, update: ref });
    }
    for (const a of current.values()) displayName = a.displayName ?? displayName;
    previous = current;
  }
  const apps: Record<string, TimelineEvent[]> = {};
  for (const e of events) (apps[e.app] ??= []).push(e);
  const selfService = selfServiceSteps(serviceEvents, employeeId);
  return {
    employeeId,
    ...(displayName ? { displayName } : {}),
    events,
    apps,
    ...(selfService.length ? { selfService } : {}),
  };
}

/** The attempts an update made on accounts (one person's, or everyone's) and could not apply, with app key and id. */
export function failedAttemptsOf(
  update: AuditUpdate,
  employeeId?: string,
): Array<FailedAttempt & { app: string; employeeId: string }> {
  return (update.environment.failedSteps ?? []).flatMap((f) => {
    const [app, id, more] = f.resource.split("/");
    const mine = app && id && id !== "groups" && more === undefined && (!employeeId || id === employeeId);
    return mine ? [{ ...f, app, employeeId: id }] : [];
  });
}

type Step = Omit<TimelineEvent, "app" | "update">;
const ATTRIBUTES = ["userName", "email", "displayName", "title", "department", "managerEmployeeId"] as const;

/** The steps from one state of an account to the next (undefined = no account). */
export function diffAccount(before: AuditAccount | undefined, after: AuditAccount | undefined): Step[] {
  if (!after) return before ? [{ event: "deleted" }] : [];
  const roles = (entitlement: string) => after.grants.find((g) => g.entitlement === entitlement)?.roleIds;
  const withRoles = (step: Step, entitlement: string): Step => {
    const roleIds = roles(entitlement);
    return roleIds?.length ? { ...step, roleIds } : step;
  };
  const steps: Step[] = [];
  // A new account's first state is part of "created"; "enabled" is only ever a change of an existing account.
  if (!before)
    steps.push(
      withRoles(
        { event: "created", detail: after.enabled ? "enabled" : `disabled (${after.lifecycle ?? "unknown"})` },
        "account",
      ),
    );
  if (after.enabled && before && !before.enabled)
    steps.push(withRoles({ event: "enabled", ...lifecycleDetail(after) }, "account"));
  if (!after.enabled && before?.enabled) steps.push({ event: "disabled", ...lifecycleDetail(after) });
  if (after.lifecycle === "terminated" && before && before.lifecycle !== "terminated")
    steps.push({ event: "sessions-revoked", ...lifecycleDetail(after) });
  if (before) {
    const changed = ATTRIBUTES.filter((k) => before[k] !== after[k]).map(
      (k) => `${k}: ${before[k] ?? "—"} → ${after[k] ?? "—"}`,
    );
    if (changed.length) steps.push({ event: "attributes-changed", detail: changed.join("; ") });
  }
  const had = new Set(before?.groups ?? []);
  const has = new Set(after.groups);
  for (const g of after.groups)
    if (!had.has(g)) steps.push(withRoles({ event: "group-added", detail: g }, `group:${g}`));
  for (const g of before?.groups ?? []) if (!has.has(g)) steps.push({ event: "group-removed", detail: g });
  if (after.admin && !before?.admin) steps.push(withRoles({ event: "admin-granted" }, "admin"));
  if (!after.admin && before?.admin) steps.push({ event: "admin-revoked" });
  if (after.license !== before?.license) {
    if (before?.license) steps.push({ event: "license-removed", detail: before.license });
    if (after.license)
      steps.push(withRoles({ event: "license-assigned", detail: after.license }, `license:${after.license}`));
  }
  return steps;
}

/** Why an account is in its state: access revoked while the person stayed (a mover), else their lifecycle. */
const lifecycleDetail = (a: AuditAccount): { detail?: string } =>
  a.revokedOn
    ? { detail: `access revoked on ${a.revokedOn}` }
    : a.lifecycle
      ? { detail: a.lifecycleSince ? `${a.lifecycle} since ${a.lifecycleSince}` : a.lifecycle }
      : {};
