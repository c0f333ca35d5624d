/**
 * `idlc report --out FILE.html`: the compliance report as one self-contained HTML file (inline CSS and SVG charts,
 * no script, no external request), from the same sources as `idlc audit`; policy results come from engine event
 * logs (`--policy-events`, written by `--event-log`) when given.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { asOfInstant, auditMetrics, buildSnapshots, policyResults, renderReport, reportModel, verifyChain } from "../../provider/audit";
import { loadAuditSource, positive, sourceOptions, usage, type SourceOptions } from "./audit";

interface ReportOptions extends SourceOptions {
  out: string;
  title?: string;
  policyEvents?: string[];
  policyHours: number;
  now?: string;
}

export function register(program: Command): void {
  sourceOptions(program.command("report").description("compliance report: one self-contained HTML file with charts"))
    .requiredOption("--out <file>", "where to write the HTML report")
    .option("--title <title>", "report title")
    .option("--policy-events <files...>", "engine event logs (--event-log) whose policy results to include")
    .option("--policy-hours <hours>", "deprovisioning policy in hours", (v) => positive(v), 24)
    .option("--now <time>", "measure still-open leavers to this time (default: now)")
    .action((o: ReportOptions) => {
      const source = loadAuditSource(o);
      const snapshots = buildSnapshots(source.updates);
      const now = o.now ? usage(() => asOfInstant(o.now!)) : undefined;
      const metrics = auditMetrics(snapshots, { policyHours: o.policyHours, ...(source.people ? { people: source.people } : {}), ...(now ? { now } : {}) });
      const policies = o.policyEvents ? policyResults(o.policyEvents.map((file) => ({ file, text: readFileSync(file, "utf8") }))) : undefined;
      const model = reportModel({ stack: source.stack, updates: source.updates, snapshots, metrics, ...(o.title ? { title: o.title } : {}),
        ...(policies ? { policies } : {}), ...(source.historyDir ? { chain: verifyChain(source.historyDir) } : {}), ...(now ? { generatedAt: now } : {}) });
      writeFileSync(o.out, renderReport(model));
      process.stderr.write(`wrote ${path.resolve(o.out)}: ${source.updates.length} updates, ${metrics.lateLeavers.length} late leaver(s)\n`);
    });
}
