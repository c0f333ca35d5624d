import type { Command } from "commander";
import { addOperationOptions } from "../../engine/command/operation-options";
import { lazy } from "../lazy";
import { addDeploymentOptions, runIfDeployment } from "./shards";

const engine = lazy<typeof import("../../engine")>("engine");
const inputs = lazy<typeof import("../../provider/program-inputs")>("provider/program-inputs");
const portalLog = lazy<typeof import("../identity/portal-log")>("cli/identity/portal-log");

/**
 * `idlc refresh`: read every resource from its app and update the state to match (offline engine; `--engine pulumi`
 * uses the Pulumi CLI). Providers use `identity:<app>.readOnly` where set and refuse every write.
 */
export function register(program: Command): void {
  const command = addOperationOptions(
    program.command("refresh").description("read every resource from its app and update the state to match"),
    "refresh",
  );
  addDeploymentOptions(command).action(async (flags) => {
    // Read by the providers in the plugin processes, under either engine; each shard of a deployment sets its own.
    const { programInputsEnv } = await inputs();
    const childEnv = () => programInputsEnv({ credentials: "read-only" });
    const historyEnvironment = (await portalLog()).portalLogAnchor(flags);
    process.exitCode =
      (await runIfDeployment("refresh", flags)) ??
      (await (await engine()).runOperationCommand("refresh", flags, { childEnv, historyEnvironment }));
  });
}
