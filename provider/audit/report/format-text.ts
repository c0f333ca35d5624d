/** Plain-text renderings for the terminal: one line per fact, columns aligned, nothing decrypted. */
import type { AccessAsOf } from "../questions/access";
import type { AuditMetrics, Distribution, Measure } from "../questions/metrics";
import type { PersonTimeline, UpdateRef } from "../questions/timeline";
import type { ChainVerification } from "../chain/verify-chain";
import type { EventChainVerification } from "../chain/event-chain";

const hours = (h: number | undefined) => (h === undefined ? "—" : `${h.toFixed(1)} h`);

/** A duration in the unit it is read in: seconds for the fast lane, minutes for a sync interval, else hours. */
export function duration(seconds: number | undefined): string {
  if (seconds === undefined) return "—";
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  return hours(seconds / 3600);
}

/** `update 3 2026-02-02T10:00:00.000Z commit 1a2b3c4d5e by Alice Admin, CI https://…` (`prod-apps-1 update 3` in a deployment) */
export function formatUpdateRef(u: UpdateRef): string {
  const parts = [`${u.stack ? `${u.stack} ` : ""}update ${u.version}`, u.time];
  if (u.result !== "succeeded") parts.push(`(${u.result})`);
  if (u.gitHead) parts.push(`commit ${u.gitHead.slice(0, 10)}`);
  if (u.gitAuthor) parts.push(`by ${u.gitAuthor}`);
  if (u.ciRun) parts.push(`CI ${u.ciRun}`);
  return parts.join(" ");
}

export function formatTimeline(t: PersonTimeline): string {
  const lines = [`${t.displayName ?? t.employeeId} (${t.employeeId})`];
  if (t.events.length === 0) lines.push("  no account in any recorded update");
  for (const [app, events] of Object.entries(t.apps).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${app}`);
    for (const e of events) {
      const what = [e.event, e.detail, e.roleIds?.length ? `[roles: ${e.roleIds.join(", ")}]` : undefined]
        .filter(Boolean)
        .join(" ");
      lines.push(
        `    ${e.update.time.slice(0, 16).replace("T", " ")}  ${what.padEnd(40)}  ${formatUpdateRef(e.update)}`,
      );
    }
  }
  if (t.selfService?.length) lines.push("  password self-service (idlc sspr)");
  for (const step of t.selfService ?? []) {
    const what = [step.event, step.app, step.detail].filter(Boolean).join(" ");
    const from = step.client ? `from ${step.client}, ` : "";
    const when = step.at.slice(0, 16).replace("T", " ");
    lines.push(`    ${when}  ${what.padEnd(40)}  ${from}portal log line ${step.line}`);
  }
  return `${lines.join("\n")}\n`;
}

export function formatAccess(a: AccessAsOf): string {
  const head = a.basedOn
    ? `access as of ${a.asOf}, from the checkpoint of ${formatUpdateRef(a.basedOn)}`
    : `no state recorded by ${a.asOf}`;
  const warn = a.unknownUpdates.length
    ? `\nwarning: updates ${a.unknownUpdates.join(", ")} finished before then but their checkpoints are unknown`
    : "";
  const table = a.rows.map((r) => [
    r.employeeId,
    r.name,
    r.app,
    r.entitlement,
    r.enabled ? "enabled" : `disabled (${r.lifecycle})`,
    r.privileged ? "privileged" : "",
    r.roles,
    r.since.slice(0, 10),
    r.approvedBy,
  ]);
  return `${head}${warn}\n${columns(["id", "name", "app", "entitlement", "status", "", "roles", "since", "approved by"], table)}`;
}

export function formatMetrics(m: AuditMetrics): string {
  const dist = (label: string, d: Distribution) =>
    `${label}: ${d.count} measured, p50 ${hours(d.p50)}, p90 ${hours(d.p90)}, max ${hours(d.max)}`;
  const row = (x: Measure) => [
    x.name,
    x.employeeId,
    x.kind,
    x.start ?? "unknown",
    x.open ? "still enabled" : (x.update?.time ?? ""),
    hours(x.hours),
    x.late ? "LATE" : "",
  ];
  const lines = [
    dist("time to provision", m.timeToProvision),
    dist("time to deprovision", m.timeToDeprovision),
    m.lateLeavers.length
      ? `leavers over the ${m.policyHours} h policy: ${m.lateLeavers.map((x) => `${x.name} (${hours(x.hours)}${x.open ? ", still enabled" : ""})`).join(", ")}`
      : `no leaver over the ${m.policyHours} h policy`,
    "",
  ];
  const measures = [...m.provisioning, ...m.deprovisioning].map(row);
  const measuredTable = columns(["name", "id", "kind", "from", "done", "took", ""], measures);
  const measured = `${lines.join("\n")}${measuredTable}${formatHrToDisabled(m)}`;
  if (m.failedAttempts.length === 0) return measured;
  const failed = m.failedAttempts.map((f) => [f.employeeId, f.app, f.op, f.message, formatUpdateRef(f.update)]);
  const table = columns(["id", "app", "op", "answer", "update"], failed);
  return `${measured}\nfailed attempts: ${m.failedAttempts.length}\n${table}`;
}

/** Terminated in HR → disabled in every app, per leaver `idlc hr pull` recorded; nothing when it recorded none. */
function formatHrToDisabled(m: AuditMetrics): string {
  if (m.hrToDisabled.length === 0) return "";
  const d = m.timeHrToDisabled;
  const head =
    `\nterminated in HR → disabled in every app: ${d.count} measured, p50 ${duration(d.p50)}, ` +
    `p95 ${duration(d.p95)}, max ${duration(d.max)}`;
  const rows = m.hrToDisabled.map((x) => [
    x.name,
    x.employeeId,
    x.terminatedInHr,
    x.from,
    x.open ? "still enabled" : (x.update?.time ?? ""),
    duration(x.seconds),
  ]);
  return `${head}\n${columns(["name", "id", "terminated in HR", "from", "disabled in every app", "took"], rows)}`;
}

export function formatVerification(v: ChainVerification): string {
  const lines: string[] = [];
  if (v.firstMismatch) {
    const f = v.firstMismatch;
    lines.push(
      `FAILED: ${v.chainFile} line ${f.line}${f.version ? ` (update ${f.version}, ${f.history})` : f.history ? ` (${f.history})` : ""}: ${f.reason}`,
      `${v.verified} entr${v.verified === 1 ? "y" : "ies"} before it verified`,
    );
  } else if (v.verified === 0) lines.push(`FAILED: no hash chain at ${v.chainFile}`);
  else lines.push(`ok: ${v.verified} updates verified, head ${v.head}`);
  if (v.notCoveredAfter.length)
    lines.push(`FAILED: not in the chain although newer than its start: ${v.notCoveredAfter.join(", ")}`);
  if (v.notCoveredBefore.length)
    lines.push(
      `not covered by the chain${v.verified ? " (written before it began)" : ""}: ${v.notCoveredBefore.join(", ")}`,
    );
  for (const log of v.eventLogs ?? []) {
    if (log.ok && log.missing) continue; // no log, none expected, no head pinned: nothing to say
    const pins = log.pinsChecked ? `; it holds the ${log.pinsChecked} head(s) updates and the portal recorded` : "";
    lines.push(
      log.ok
        ? `ok: ${log.verified} portal events verified in ${log.file}, head ${log.head ?? "(empty)"}${pins}`
        : `FAILED: ${eventLogProblem(log)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Why an event log does not verify, naming the file, the line or the record, and what to do. */
export function eventLogProblem(log: EventChainVerification): string {
  if (log.firstMismatch) return `${log.file} line ${log.firstMismatch.line}: ${log.firstMismatch.reason}`;
  if (log.pinMismatch) {
    const { by, events, reason } = log.pinMismatch;
    return `${log.file}: ${reason} (${by} recorded ${events} event(s)); restore the log from a backup`;
  }
  if (log.missing) {
    return (
      `${log.file} is missing, but the stack sets identity:sspr: the portal log was deleted, or is on the portal's ` +
      "host; restore it (and audit.head.json) from a backup or copy them here (a portal creates it when it starts)"
    );
  }
  return `${log.file} does not verify`;
}

function columns(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? "").padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n") + "\n";
}
