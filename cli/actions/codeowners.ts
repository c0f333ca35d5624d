/** What `idlc codeowners` does once parsed (cli/commands/codeowners.ts defines the command). */
import { findProject, listStacks, StackConfigError } from "../../provider/config";
import { formatCodeowners, stackCodeownersFiles } from "../../provider/gitops";
import { ExitCode, UsageError } from "../exit";

export function codeowners(stackOption: string | undefined, cwd: string): void {
  const stack = stackOption ?? onlyStack(cwd);
  try {
    process.stdout.write(formatCodeowners(stack, stackCodeownersFiles({ cwd, stack })));
  } catch (err) {
    // A stack that does not exist is a mistake in the command line, not in the data.
    if (err instanceof StackConfigError && err.code === "CONFIG_STACK_NOT_FOUND") throw new UsageError(err.message, err.fix);
    throw err;
  }
  process.exitCode = ExitCode.ok;
}

function onlyStack(cwd: string): string {
  const known = listStacks(findProject(cwd));
  if (known.length !== 1) throw new UsageError(`choose a stack with --stack (stacks: ${known.join(", ") || "none"})`, "Add --stack NAME.");
  return known[0]!;
}
