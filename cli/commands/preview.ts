import type { Command } from "commander";
import { addOperationOptions, runOperationCommand } from "../../engine";

/** `idlc preview`: show what an update would change, without changing anything (offline engine; `--engine pulumi` uses the Pulumi CLI). */
export function register(program: Command): void {
  addOperationOptions(program.command("preview").description("show what an update would change, without changing anything"), "preview").action(async (flags) => {
    process.exitCode = await runOperationCommand("preview", flags);
  });
}
