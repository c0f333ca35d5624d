import type { Command } from "commander";
import { addOperationOptions } from "../../engine/command/operation-options";
import { lazy } from "../lazy";

const engine = lazy<typeof import("../../engine")>("engine");

/** `idlc destroy`: delete every resource of the stack (offline engine; `--engine pulumi` uses the Pulumi CLI). */
export function register(program: Command): void {
  addOperationOptions(program.command("destroy").description("delete every resource of the stack"), "destroy").action(
    async (flags) => {
      process.exitCode = await (await engine()).runOperationCommand("destroy", flags);
    },
  );
}
