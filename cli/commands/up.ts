import type { Command } from "commander";
import { addOperationOptions, runOperationCommand } from "../../engine";

/** `idlc up`: create, update and delete resources so they match the program (offline engine; `--engine pulumi` uses the Pulumi CLI). */
export function register(program: Command): void {
  addOperationOptions(program.command("up").description("create, update and delete resources so they match the program"), "up").action(async (flags) => {
    process.exitCode = await runOperationCommand("up", flags);
  });
}
