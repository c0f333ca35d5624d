import type { Command } from "commander";
import { addOperationOptions } from "../../engine/command/operation-options";
import { lazy } from "../lazy";

const engine = lazy<typeof import("../../engine")>("engine");
const portalLog = lazy<typeof import("../identity/portal-log")>("cli/identity/portal-log");

/** `idlc destroy`: delete every resource of the stack (offline engine; `--engine pulumi` uses the Pulumi CLI). */
export function register(program: Command): void {
  addOperationOptions(program.command("destroy").description("delete every resource of the stack"), "destroy").action(
    async (flags) => {
      // Like every update, a destroy pins the reset portal's log head in its history entry.
      const historyEnvironment = (await portalLog()).portalLogAnchor(flags);
      process.exitCode = await (await engine()).runOperationCommand("destroy", flags, { historyEnvironment });
    },
  );
}
