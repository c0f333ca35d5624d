/**
 * `idlc diff --from FILE|GITREF [--to FILE]`: the joiner/mover/leaver summary of a change to the HR export (and,
 * with a git ref, to the role files): who gains and loses what in each app. Text for a terminal, `md` for a PR
 * comment, `json` for tools. Always exit 0; data problems are noted on stderr (`idlc validate` gates on them).
 */
import { Option, type Command } from "commander";
import type { DiffFormat } from "../../provider/access";
import { ExitCode } from "../exit";
import { lazy } from "../lazy";

export interface DiffOptions {
  from: string;
  to?: string;
  stack?: string;
  asOf?: string;
  format: DiffFormat;
}

const action = lazy<typeof import("../actions/diff")>("cli/actions/diff");

export function register(program: Command): void {
  program
    .command("diff")
    .description("joiners, movers, leavers and rehires between two HR exports: who gains and loses what, per app")
    .requiredOption(
      "--from <fileOrGitRef>",
      "the export before: a file, or a git ref (origin/main, HEAD~1) of the stack's export and role files",
    )
    .option("--to <file>", "the export after (default: the stack's identity:hr file)")
    .option("--stack <name>", "stack whose roles and settings to use (default: PULUMI_STACK, else the only stack)")
    .option("--as-of <date>", "plan both sides as of this date, yyyy-MM-dd (default: today)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "md", "json"]).default("text"))
    .action(async (options: DiffOptions) => {
      process.stdout.write((await action()).runDiff(options, process.cwd()));
      process.exitCode = ExitCode.ok;
    });
}
