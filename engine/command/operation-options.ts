/** The options engine operations share; apart from operation-command.ts so `idlc` defines them without loading the engine. */
import { Option, type Command } from "commander";
import type { OperationKind } from "../operations/types";

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Adds the options every engine operation shares to a commander command. */
export function addOperationOptions(command: Command, kind: OperationKind): Command {
  command
    .option("-s, --stack <name>", "stack to operate on (default: the only stack, or PULUMI_STACK)")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .option("--json", "emit engine events as JSON lines on stdout")
    .option("-p, --parallel <n>", "maximum number of resource operations in parallel", (v) => Number.parseInt(v, 10))
    .option("-t, --target <urn>", "only operate on this resource (repeatable)", collect)
    .option("--debug", "show the SDK's debug logs")
    .addOption(
      new Option("--engine <engine>", "engine to run the operation").choices(["local", "pulumi"]).default("local"),
    );
  if (kind === "preview" || kind === "up") {
    command.option("--policy-pack <dir>", "run this CrossGuard policy pack (repeatable)", collect);
    command.option(
      "--policy-pack-config <file>",
      "policy config JSON for the pack at the same position (repeatable)",
      collect,
    );
  }
  if (kind !== "preview") command.option("-y, --yes", "apply without asking for confirmation");
  if (kind === "up") {
    const what = "keep applying the other changes when one resource fails; the update still fails";
    command.option("--continue-on-error", what);
  }
  return command;
}
