import { resolve } from "node:path";
import type { Command } from "commander";
import { formatHistory } from "../../engine/output";
import { findProject, resolveStackName } from "../../engine/project";
import { openBackend } from "../../engine/state";

/** `idlc history`: the stack's updates, newest first — the audit trail (who changed what, from which commit and CI run). */
export function register(program: Command): void {
  program
    .command("history")
    .description("list the stack's updates, newest first (kind, result, time, changes, git commit and author, CI run)")
    .option("-s, --stack <name>", "stack (default: PULUMI_STACK, or the only Pulumi.<stack>.yaml)")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .option("--json", "print the history entries as JSON (Pulumi's UpdateInfo)")
    .action(async (flags: { stack?: string; cwd?: string; json?: boolean }) => {
      const project = findProject(resolve(flags.cwd ?? process.cwd()));
      const stack = resolveStackName(project, flags.stack);
      const entries = await openBackend({ project }).listHistory(stack);
      if (flags.json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      else if (!entries.length) process.stdout.write(`stack ${stack} has no updates yet\n`);
      else process.stdout.write(`${formatHistory(entries).join("\n")}\n`);
    });
}
