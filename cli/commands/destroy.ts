import type { Command } from "commander";
import { addOperationOptions, runOperationCommand } from "../../engine";

/** `idlc destroy`: delete every resource of the stack (offline engine; `--engine pulumi` uses the Pulumi CLI). */
export function register(program: Command): void {
  addOperationOptions(program.command("destroy").description("delete every resource of the stack"), "destroy").action(async (flags) => {
    process.exitCode = await runOperationCommand("destroy", flags);
  });
}
