import type { Command } from "commander";
import { addOperationOptions } from "../../engine/command/operation-options";
import { lazy } from "../lazy";

const engine = lazy<typeof import("../../engine")>("engine");
const inputs = lazy<typeof import("../../provider/program-inputs")>("provider/program-inputs");

/**
 * `idlc refresh`: read every resource from its app and update the state to match (offline engine; `--engine pulumi`
 * uses the Pulumi CLI). Providers use `identity:<app>.readOnly` where set and refuse every write.
 */
export function register(program: Command): void {
  addOperationOptions(program.command("refresh").description("read every resource from its app and update the state to match"), "refresh").action(async (flags) => {
    // Read by the providers in the plugin processes, under either engine.
    const { programInputsEnv } = await inputs();
    const childEnv = () => programInputsEnv({ credentials: "read-only" });
    process.exitCode = await (await engine()).runOperationCommand("refresh", flags, { childEnv });
  });
}
