import type { Command } from "commander";
import { addOperationOptions, runOperationCommand } from "../../engine";

/** `idlc refresh`: read every resource from its app and update the state to match (offline engine; `--engine pulumi` uses the Pulumi CLI). */
export function register(program: Command): void {
  addOperationOptions(program.command("refresh").description("read every resource from its app and update the state to match"), "refresh").action(async (flags) => {
    process.exitCode = await runOperationCommand("refresh", flags);
  });
}
