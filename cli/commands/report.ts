/**
 * `idlc report --out FILE.html`: the compliance report as one self-contained HTML file (inline CSS and SVG charts,
 * no script, no external request), from the same sources as `idlc audit`; policy results come from engine event
 * logs (`--policy-events`, written by `--event-log`) when given.
 */
import type { Command } from "commander";
import { lazy } from "../lazy";
import { positive, sourceOptions, type SourceOptions } from "./audit";

export interface ReportOptions extends SourceOptions {
  out: string;
  title?: string;
  policyEvents?: string[];
  policyHours: number;
  now?: string;
}

const action = lazy<typeof import("../actions/report")>("cli/actions/report");

export function register(program: Command): void {
  sourceOptions(program.command("report").description("compliance report: one self-contained HTML file with charts"))
    .requiredOption("--out <file>", "where to write the HTML report")
    .option("--title <title>", "report title")
    .option("--policy-events <files...>", "engine event logs (--event-log) whose policy results to include")
    .option("--policy-hours <hours>", "deprovisioning policy in hours", (v) => positive(v), 24)
    .option("--now <time>", "measure still-open leavers to this time (default: now)")
    .action(async (o: ReportOptions) => (await action()).report(o));
}
