import { Command } from "commander";
import { commands } from "./commands";

const { version } = require("../package.json") as { version: string };

/** The `idlc` program with every command registered; built fresh so tests can drive it in-process. */
export function buildProgram(): Command {
  const program = new Command("idlc")
    .description("identity lifecycle as code: HR exports become reviewed account changes in every app")
    .version(version)
    .showHelpAfterError()
    .exitOverride((err) => {
      // commander's own usage errors are exit 2 per the CLI contract; --help and --version stay 0.
      if (err.exitCode !== 0) process.exit(2);
      process.exit(0);
    });
  for (const register of commands) register(program);
  return program;
}
