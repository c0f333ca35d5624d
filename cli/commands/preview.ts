import type { Command } from "commander";
import { addOperationOptions } from "../../engine";
import { runIdentityOperation } from "../identity/hooks";

/** `idlc preview`: show what an update would change, without changing anything (offline engine; `--engine pulumi` uses the Pulumi CLI). */
export function register(program: Command): void {
  addOperationOptions(program.command("preview").description("show what an update would change, without changing anything"), "preview")
    .option("--as-of <date>", "lifecycle date of the identity stack, yyyy-MM-dd (default: today), e.g. next Monday's joiners")
    .action(async (flags) => {
      process.exitCode = await runIdentityOperation("preview", flags);
    });
}
