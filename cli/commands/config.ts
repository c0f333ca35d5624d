import type { Command } from "commander";
import { lazy } from "../lazy";

const action = lazy<typeof import("../actions/config")>("cli/actions/config");

const withStack = (command: Command) =>
  command
    .option("-s, --stack <name>", "stack (default: PULUMI_STACK, or the only Pulumi.<stack>.yaml)")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml");

/** `idlc config`, `idlc config get KEY`, `idlc config set [--secret] KEY [VALUE]`: Pulumi.<stack>.yaml, as `pulumi config` edits it. */
export function register(program: Command): void {
  // Parent and subcommands share --stack/--cwd/--json; optsWithGlobals() merges them wherever they were typed.
  const config = withStack(program.command("config").description("list the stack's config (secrets shown as [secret])"))
    .option("--json", "print JSON")
    .action(async (_flags: unknown, command: Command) => (await action()).list(command.optsWithGlobals()));
  withStack(config.command("get <key>").description("print one config value (secrets decrypted)"))
    .option("--json", "print JSON")
    .action(async (key: string, _flags: unknown, command: Command) =>
      (await action()).get(key, command.optsWithGlobals()),
    );
  withStack(
    config
      .command("set <key> [value]")
      .description("set a config value; with --secret and no VALUE it is read from stdin"),
  )
    .option("--secret", "encrypt the value with the stack's passphrase")
    .action(async (key: string, value: string | undefined, _flags: unknown, command: Command) =>
      (await action()).set(key, value, command.optsWithGlobals()),
    );
}
