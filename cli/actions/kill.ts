/** What `idlc kill` does once parsed (cli/commands/kill.ts defines the command). */
import path from "node:path";
import { findProject, resolveStackName } from "../../engine/project";
import { whoRuns } from "../actor";
import { appendOverride, loadStackPeople } from "../../provider/stack-plan";
import type { KillOptions } from "../commands/kill";
import { UsageError } from "../exit";
import { cutoffNow } from "../identity/cutoff-now";

export async function kill(employeeId: string, options: KillOptions): Promise<number> {
  const project = findProject(path.resolve(options.cwd ?? process.cwd()));
  const stack = resolveStackName(project, options.stack);
  const today = new Date().toISOString().slice(0, 10);
  // Only the people: the targeted run plans the company itself, with the override in it.
  const { people, overridesFile } = loadStackPeople({ cwd: project.dir, stack });
  if (!people.some((p) => p.employeeId === employeeId)) {
    throw new UsageError(
      `${employeeId} is not in stack ${stack}'s HR export`,
      "Give the employee id as the HR export spells it.",
    );
  }
  const by = whoRuns(project.dir, options.by);
  appendOverride(overridesFile, {
    employeeId,
    action: "terminate",
    at: new Date().toISOString(),
    by,
    reason: options.reason,
  });
  process.stderr.write(
    `recorded: ${employeeId} terminated now by ${by} (${options.reason}) in ${path.relative(project.dir, overridesFile)}\n`,
  );
  const code = await cutoffNow([employeeId], { stack, cwd: project.dir, asOf: today });
  const file = path.relative(process.cwd(), overridesFile);
  process.stdout.write(
    `${code === 0 ? "Every account of" : "The cutoff did not complete for"} ${employeeId}${code === 0 ? " is disabled and its sessions revoked." : "; run `idlc kill` again."}\n` +
      `Record it in Git:\n  git add ${file} && git commit -m "kill ${employeeId}: ${options.reason.replace(/"/g, "'")}"\n` +
      "The override stays in force until the HR export shows the termination; then remove its entry.\n",
  );
  return code;
}
