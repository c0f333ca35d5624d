/**
 * `idlc codeowners [--stack S]`: CODEOWNERS entries for the stack's role files, HR export and stack file, so a
 * change to who-gets-what cannot merge without its owners' review. Prints to stdout; paste into
 * `.github/CODEOWNERS` (or append: `idlc codeowners >> .github/CODEOWNERS`).
 */
import type { Command } from "commander";
import { findProject, listStacks, StackConfigError } from "../../provider/config";
import { formatCodeowners, stackCodeownersFiles } from "../../provider/gitops";
import { ExitCode, UsageError } from "../exit";

export function register(program: Command): void {
  program
    .command("codeowners")
    .description("print CODEOWNERS entries: role files → their roles' owners, HR export and stack file → identity:owners")
    .option("--stack <name>", "stack whose files to cover (default: the only stack)")
    .action((options: { stack?: string }) => {
      const cwd = process.cwd();
      const stack = options.stack ?? onlyStack(cwd);
      try {
        process.stdout.write(formatCodeowners(stack, stackCodeownersFiles({ cwd, stack })));
      } catch (err) {
        // A stack that does not exist is a mistake in the command line, not in the data.
        if (err instanceof StackConfigError && err.code === "CONFIG_STACK_NOT_FOUND") throw new UsageError(err.message, err.fix);
        throw err;
      }
      process.exitCode = ExitCode.ok;
    });
}

function onlyStack(cwd: string): string {
  const known = listStacks(findProject(cwd));
  if (known.length !== 1) throw new UsageError(`choose a stack with --stack (stacks: ${known.join(", ") || "none"})`, "Add --stack NAME.");
  return known[0]!;
}
