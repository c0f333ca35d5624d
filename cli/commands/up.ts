import type { Command } from "commander";
import { addOperationOptions } from "../../engine/command/operation-options";
import { lazy } from "../lazy";
import { prestartFor } from "../prestart";
import { addDeploymentOptions, runIfDeployment } from "./shards";

const identity = lazy<typeof import("../identity/hooks")>("cli/identity/hooks");

/** `idlc up`: create, update and delete resources so they match the program (offline engine; `--engine pulumi` uses the Pulumi CLI). */
export function register(program: Command): void {
  addDeploymentOptions(
    addOperationOptions(
      program.command("up").description("create, update and delete resources so they match the program"),
      "up",
    ),
  )
    .option("--as-of <date>", "lifecycle date of the identity stack, yyyy-MM-dd (default: today)")
    .option("--allow-deprovision <n>", "let exactly N disables + deletes through the safety budget", (v) =>
      Number.parseInt(v, 10),
    )
    .action(async (flags) => {
      await prestartFor(flags);
      process.exitCode =
        (await runIfDeployment("up", flags)) ?? (await (await identity()).runIdentityOperation("up", flags));
    });
}
