/**
 * Everything the compliance report shows, computed from the history (pure): joiners and leavers per month, the
 * time-to-deprovision distribution, privileged accounts per app, policy results, late leavers, the changes, and
 * (when the stack runs the reset portal) its resets and lockouts.
 */
import { accessRows, type AccessRow } from "../questions/access";
import type { AuditMetrics, Measure } from "../questions/metrics";
import type { PolicyResult } from "../read/policy-events";
import type { SelfServiceCounts } from "../questions/self-service";
import { entitlementsOf, type Snapshot } from "../questions/snapshots";
import { updateRef, type UpdateRef } from "../questions/timeline";
import type { AuditUpdate } from "../read/update";
import type { ChainVerification } from "../chain/verify-chain";

export interface ReportModel {
  title: string;
  stack: string;
  generatedAt: string;
  period?: { from: string; to: string };
  totals: { updates: number; people: number; accounts: number; enabled: number; privileged: number };
  months: Array<{ month: string; joiners: number; leavers: number }>;
  /** Finished deprovisionings per duration bucket; `late` marks buckets past the policy. */
  deprovisionBuckets: Array<{ label: string; count: number; late: boolean }>;
  privilegedPerApp: Array<{ app: string; accounts: number }>;
  /** Privileged entitlements of enabled accounts now, with who approved them (empty approver = none recorded). */
  privilegedAccess: AccessRow[];
  metrics: AuditMetrics;
  /** Undefined when no event log was given: the report says none were recorded. */
  policies?: PolicyResult[];
  /** The stack's hash chain, or each shard's (named) for a deployment; undefined when none was verified. */
  chains?: StackChain[];
  /** The reset portal's counts; undefined when the stack has no portal log. */
  selfService?: SelfServiceCounts;
  changes: UpdateRef[];
}

export interface ReportInput {
  stack: string;
  title?: string;
  updates: readonly AuditUpdate[];
  snapshots: readonly Snapshot[];
  metrics: AuditMetrics;
  policies?: PolicyResult[];
  chains?: StackChain[];
  selfService?: SelfServiceCounts;
  generatedAt?: string;
}

/** A verified hash chain; `stack` names the shard when a deployment's chains are reported together. */
export type StackChain = ChainVerification & { stack?: string };

const BUCKETS: Array<[string, number]> = [
  ["< 4 h", 4],
  ["4–24 h", 24],
  ["1–3 days", 72],
  ["3–7 days", 168],
  ["> 7 days", Infinity],
];

export function reportModel(input: ReportInput): ReportModel {
  const latest = input.snapshots[input.snapshots.length - 1];
  const accounts = latest ? [...latest.accounts.values()] : [];
  const enabled = accounts.filter((a) => a.enabled);
  const privileged = enabled.filter((a) => entitlementsOf(a, latest!.groups).some((e) => e.privileged));
  const perApp = new Map<string, number>();
  for (const a of privileged) perApp.set(a.appKey, (perApp.get(a.appKey) ?? 0) + 1);
  const first = input.updates[0];
  const last = input.updates[input.updates.length - 1];
  const { metrics } = input;
  const finished = metrics.deprovisioning.filter((m) => !m.open && m.hours !== undefined);
  let lower = -Infinity;
  const deprovisionBuckets = BUCKETS.map(([label, upper]) => {
    const count = finished.filter((m) => m.hours! > lower && m.hours! <= upper).length;
    const bucket = { label, count, late: lower >= metrics.policyHours };
    lower = upper;
    return bucket;
  });
  return {
    title: input.title ?? `Access compliance report: ${input.stack}`,
    stack: input.stack,
    generatedAt: input.generatedAt ?? new Date().toISOString(),
    ...(first && last ? { period: { from: first.startTime, to: last.endTime ?? last.startTime } } : {}),
    totals: {
      updates: input.updates.length,
      people: new Set(accounts.map((a) => a.employeeId)).size,
      accounts: accounts.length,
      enabled: enabled.length,
      privileged: privileged.length,
    },
    months: perMonth([...metrics.provisioning, ...metrics.deprovisioning]),
    deprovisionBuckets,
    privilegedAccess: accessRows(latest).filter((r) => r.enabled && r.privileged),
    privilegedPerApp: [...perApp].map(([app, n]) => ({ app, accounts: n })).sort((a, b) => a.app.localeCompare(b.app)),
    metrics,
    ...(input.policies ? { policies: input.policies } : {}),
    ...(input.chains ? { chains: input.chains } : {}),
    ...(input.selfService ? { selfService: input.selfService } : {}),
    changes: input.updates.map(updateRef).reverse(),
  };
}

/** Joiners and leavers per calendar month of the update that did it, every month in between included. */
function perMonth(measures: readonly Measure[]): ReportModel["months"] {
  const done = measures.filter((m) => m.update);
  if (done.length === 0) return [];
  const months = done.map((m) => m.update!.time.slice(0, 7)).sort();
  const out: ReportModel["months"] = [];
  for (let m = months[0]!; m <= months[months.length - 1]!; m = nextMonth(m)) {
    const here = done.filter((x) => x.update!.time.startsWith(m));
    out.push({
      month: m,
      joiners: here.filter((x) => x.kind === "provision").length,
      leavers: here.filter((x) => x.kind === "deprovision").length,
    });
  }
  return out;
}

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}
