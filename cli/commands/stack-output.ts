import type { Command } from "commander";
import { lazy } from "../lazy";

export interface StackOutputFlags {
  stack?: string;
  cwd?: string;
  json?: boolean;
  showSecrets?: boolean;
}

const action = lazy<typeof import("../actions/stack-output")>("cli/actions/stack-output");

/** `idlc stack output [NAME]`: the stack's outputs from the current state; secrets shown as [secret] unless asked. */
export function register(program: Command): void {
  const stack =
    program.commands.find((c) => c.name() === "stack") ?? program.command("stack").description("stack information");
  stack
    .command("output [name]")
    .description("show the stack's outputs")
    .option("-s, --stack <name>", "stack to read")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .option("--json", "print JSON")
    .option("--show-secrets", "print secret values in plain text")
    .action(async (name: string | undefined, flags: StackOutputFlags) => (await action()).stackOutput(name, flags));
}
