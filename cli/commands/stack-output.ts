import { resolve } from "node:path";
import type { Command } from "commander";
import { maskForDisplay, readStackOutputs, strip, UnknownOutputError } from "../../engine";

/** `idlc stack output [NAME]`: the stack's outputs from the current state; secrets shown as [secret] unless asked. */
export function register(program: Command): void {
  const stack = program.commands.find((c) => c.name() === "stack") ?? program.command("stack").description("stack information");
  stack
    .command("output [name]")
    .description("show the stack's outputs")
    .option("-s, --stack <name>", "stack to read")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .option("--json", "print JSON")
    .option("--show-secrets", "print secret values in plain text")
    .action(async (name: string | undefined, flags: { stack?: string; cwd?: string; json?: boolean; showSecrets?: boolean }) => {
      const outputs = await readStackOutputs({ cwd: resolve(flags.cwd ?? process.cwd()), stack: flags.stack });
      const shown = (flags.showSecrets ? strip(outputs) : maskForDisplay(outputs)) as Record<string, unknown>;
      if (name !== undefined && !(name in shown)) throw new UnknownOutputError(name, Object.keys(shown));
      const value = name === undefined ? shown : shown[name];
      if (flags.json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      else if (name !== undefined) process.stdout.write(`${typeof value === "string" ? value : JSON.stringify(value)}\n`);
      else for (const [k, v] of Object.entries(shown)) process.stdout.write(`${k}\t${typeof v === "string" ? v : JSON.stringify(v)}\n`);
    });
}
