/** What `idlc codeowners` does once parsed (cli/commands/codeowners.ts defines the command). */
import { formatCodeowners, stackCodeownersFiles } from "../../provider/gitops";
import { ExitCode } from "../exit";
import { stackSettings } from "../stack-options";

export function codeowners(stackOption: string | undefined, cwd: string): void {
  // Chosen and checked as every command does; a stack that does not exist is a usage mistake.
  const { stack } = stackSettings(stackOption, cwd);
  process.stdout.write(formatCodeowners(stack, stackCodeownersFiles({ cwd, stack })));
  process.exitCode = ExitCode.ok;
}
