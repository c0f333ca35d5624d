/** What `idlc history` does once parsed (cli/commands/history.ts defines the command). */
import { resolve } from "node:path";
import { formatHistory } from "../../engine/output";
import { findProject, resolveStackName } from "../../engine/project";
import { openBackend } from "../../engine/state";
import type { HistoryFlags } from "../commands/history";

export async function history(flags: HistoryFlags): Promise<void> {
  const project = findProject(resolve(flags.cwd ?? process.cwd()));
  const stack = resolveStackName(project, flags.stack);
  const entries = await openBackend({ project }).listHistory(stack);
  if (flags.json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  else if (!entries.length) process.stdout.write(`stack ${stack} has no updates yet\n`);
  else process.stdout.write(`${formatHistory(entries).join("\n")}\n`);
}
