/**
 * `idlc codeowners [--stack S]`: CODEOWNERS entries for the stack's role files, HR export and stack file, so a
 * change to who-gets-what cannot merge without its owners' review. Prints to stdout; paste into
 * `.github/CODEOWNERS` (or append: `idlc codeowners >> .github/CODEOWNERS`).
 */
import type { Command } from "commander";
import { lazy } from "../lazy";

const action = lazy<typeof import("../actions/codeowners")>("cli/actions/codeowners");

export function register(program: Command): void {
  program
    .command("codeowners")
    .description(
      "print CODEOWNERS entries: role files → their roles' owners, HR export and stack file → identity:owners",
    )
    .option("--stack <name>", "stack whose files to cover (default: PULUMI_STACK, else the only stack)")
    .action(async (options: { stack?: string }) => (await action()).codeowners(options.stack, process.cwd()));
}
