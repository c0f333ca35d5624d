/** What `idlc report` does once parsed (cli/commands/report.ts defines the command). */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  asOfInstant,
  auditMetrics,
  buildSnapshots,
  policyResults,
  renderReport,
  reportModel,
  selfServiceCounts,
} from "../../provider/audit";
import type { ReportOptions } from "../commands/report";
import { loadAuditSource, peopleOptions, usage, verifyHistories } from "./audit";

export function report(o: ReportOptions): void {
  const source = loadAuditSource(o);
  const snapshots = buildSnapshots(source.updates);
  const now = o.now ? usage(() => asOfInstant(o.now!)) : undefined;
  const metrics = auditMetrics(snapshots, {
    policyHours: o.policyHours,
    ...peopleOptions(source),
    ...(now ? { now } : {}),
  });
  const policies = o.policyEvents
    ? policyResults(o.policyEvents.map((file) => ({ file, text: readFileSync(file, "utf8") })))
    : undefined;
  const model = reportModel({
    stack: source.stack,
    updates: source.updates,
    snapshots,
    metrics,
    ...(o.title ? { title: o.title } : {}),
    ...(policies ? { policies } : {}),
    ...(now ? { generatedAt: now } : {}),
    ...(source.histories ? { chains: verifyHistories(source.histories) } : {}),
    ...(source.serviceLog ? { selfService: selfServiceCounts(source.serviceLog.events) } : {}),
  });
  writeFileSync(o.out, renderReport(model));
  process.stderr.write(
    `wrote ${path.resolve(o.out)}: ${source.updates.length} updates, ${metrics.lateLeavers.length} late leaver(s)\n`,
  );
}
