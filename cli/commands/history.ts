import type { Command } from "commander";
import { lazy } from "../lazy";

export interface HistoryFlags {
  stack?: string;
  cwd?: string;
  json?: boolean;
}

const action = lazy<typeof import("../actions/history")>("cli/actions/history");

/** `idlc history`: the stack's updates, newest first — the audit trail (who changed what, from which commit and CI run). */
export function register(program: Command): void {
  program
    .command("history")
    .description("list the stack's updates, newest first (kind, result, time, changes, git commit and author, CI run)")
    .option("-s, --stack <name>", "stack (default: PULUMI_STACK, or the only Pulumi.<stack>.yaml)")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .option("--json", "print the history entries as JSON (Pulumi's UpdateInfo)")
    .action(async (flags: HistoryFlags) => (await action()).history(flags));
}
