/**
 * `idlc hr pull`: fetch the stack's HR export from the HR system's API (`identity:hr.source`), validate it and run
 * the anomaly gate against the committed file, and write it only if both pass. `--check` only says whether it
 * changed (exit 1); `--json` prints the joiners/movers/leavers it brings; `--apply-leavers` (with
 * `identity:hr.fastLane: leavers`) applies the new leavers now, as `idlc kill` does, leaving the rest for the PR.
 */
import type { Command } from "commander";
import { lazy } from "../lazy";

export interface HrPullOptions {
  stack?: string;
  check?: boolean;
  json?: boolean;
  applyLeavers?: boolean;
  acceptAnomalies?: boolean;
  full?: boolean;
}

const action = lazy<typeof import("../actions/hr")>("cli/actions/hr");

export function register(program: Command): void {
  const hr = program.command("hr").description("the HR system as the source of the stack's export");
  hr.command("pull")
    .description("fetch everyone from the HR system's API, validate, and write the stack's export (nothing on failure)")
    .option("--stack <name>", "stack whose identity:hr export to pull (default: PULUMI_STACK, else the only stack)")
    .option("--check", "write nothing; exit 1 when the HR system's data differs from the committed export")
    .option("--json", "print the joiners, movers and leavers the pull brings as JSON on stdout")
    .option(
      "--apply-leavers",
      "after a successful pull, disable the new leavers now (needs identity:hr.fastLane: leavers)",
    )
    .option("--accept-anomalies", "write even when the anomaly gate trips (a real mass change)")
    .option("--full", "always fetch everyone, even when the vendor's change feed says nothing changed")
    .action(async (options: HrPullOptions) => {
      process.exitCode = await (await action()).runHrPull(options, process.cwd());
    });
}
