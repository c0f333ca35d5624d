/** What `idlc stack output` does once parsed (cli/commands/stack-output.ts defines the command). */
import { resolve } from "node:path";
import { maskForDisplay, readStackOutputs, strip, UnknownOutputError } from "../../engine";
import type { StackOutputFlags } from "../commands/stack-output";

export async function stackOutput(name: string | undefined, flags: StackOutputFlags): Promise<void> {
  const outputs = await readStackOutputs({ cwd: resolve(flags.cwd ?? process.cwd()), stack: flags.stack });
  const shown = (flags.showSecrets ? strip(outputs) : maskForDisplay(outputs)) as Record<string, unknown>;
  if (name !== undefined && !(name in shown)) throw new UnknownOutputError(name, Object.keys(shown));
  const value = name === undefined ? shown : shown[name];
  if (flags.json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  else if (name !== undefined) process.stdout.write(`${typeof value === "string" ? value : JSON.stringify(value)}\n`);
  else
    for (const [k, v] of Object.entries(shown))
      process.stdout.write(`${k}\t${typeof v === "string" ? v : JSON.stringify(v)}\n`);
}
