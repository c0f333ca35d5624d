import { Option, type Command } from "commander";
import { UsageError } from "../exit";
import { lazy } from "../lazy";

const action = lazy<typeof import("../actions/shards")>("cli/actions/shards");
const deployment = lazy<typeof import("../identity/deployment")>("cli/identity/deployment");
const splitBase = lazy<typeof import("../identity/deployment-base")>("cli/identity/deployment-base");

const whole = (v: string) => Number.parseInt(v, 10);

/** `idlc shards plan`: split a stack into shard stacks of one deployment (docs/SHARDS.md). */
export function register(program: Command): void {
  const shards = program.command("shards").description("split a company into shard stacks run as one deployment");
  shards
    .command("plan")
    .description("write the shard stack files of a base stack: directory apps and other apps, in people buckets")
    .requiredOption(
      "-s, --stack <name>",
      "the base stack whose shared settings (HR, roles, lifecycle, safety) the shards use",
    )
    .requiredOption(
      "--people-per-shard <n>",
      "people per shard; the company is cut into ceil(people / n) buckets",
      whole,
    )
    .option("--deployment <name>", "the deployment's name (default: the base stack's)")
    .option("--as-of <date>", "count the people in the program on this date, yyyy-MM-dd (default: today)")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .option("--dry-run", "print the files without writing them")
    .action(async (flags) => {
      process.exitCode = await (await action()).runShardsPlan(flags);
    });
  shards
    .command("list")
    .description("the shard stacks of a deployment, phase by phase (directory shards first)")
    .requiredOption("--deployment <nameOrPattern>", "the deployment (`*` matches any characters)")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .option("--json", "one line of JSON: { deployment, base, phases: [[stack, …], …] }, e.g. for a CI matrix")
    .action(async (flags) => {
      process.exitCode = await (await action()).runShardsList(flags);
    });
  shards
    .command("judge")
    .description(
      "judge a deployment as one from its shards' previews run elsewhere (`preview --stack S --json > DIR/S.jsonl`)",
    )
    .requiredOption("--deployment <nameOrPattern>", "the deployment (`*` matches any characters)")
    .requiredOption("--events <dir>", "directory holding <stack>.jsonl, each shard's `idlc preview --json` output")
    .addOption(
      new Option("--format <format>", "md: the merged PR comment on stdout").choices(["text", "md"]).default("text"),
    )
    .option("--from <fileOrGitRef>", "with --format md: the HR export the people summary compares against")
    .option("--as-of <date>", "lifecycle date the previews ran with, yyyy-MM-dd (default: today)")
    .option("--allow-deprovision <n>", "let exactly N disables + deletes through the deployment-wide budget", whole)
    .option("--allow-file <file>", "write each shard's share of the approved disables + deletes as JSON { stack: n }")
    .option(
      "--policy-pack-config <file>",
      "the policy config the shards' previews gave idlc's pack: the deployment-wide rules use the same levels and limits",
    )
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .action(async (flags) => {
      process.exitCode = await (await action()).runShardsJudge(flags);
    });
}

/** `--deployment` and `--workers` on preview, up and refresh. */
export function addDeploymentOptions(command: Command): Command {
  return command
    .option(
      "--deployment <nameOrPattern>",
      "run every shard stack of this deployment (`*` matches any characters) in parallel, judged as one",
    )
    .option("--workers <n>", "with --deployment: shards run at once (default: one per CPU core)", whole);
}

/**
 * Runs the deployment when `--deployment` is given; undefined otherwise (the command runs one stack), after
 * refusing an `up` of a stack that was split into shards.
 */
export async function runIfDeployment(
  kind: "preview" | "up" | "refresh",
  flags: { deployment?: string; stack?: string; target?: string[]; engine?: string; json?: boolean; cwd?: string },
): Promise<number | undefined> {
  if (flags.deployment === undefined) {
    if (kind === "up") (await splitBase()).refuseUpOnSplitBase(flags);
    return undefined;
  }
  if (flags.stack !== undefined || flags.target?.length) {
    throw new UsageError(
      "--deployment runs every shard stack; --stack and --target pick one stack or resource",
      "Drop --stack/--target, or drop --deployment.",
    );
  }
  if (flags.engine === "pulumi" || flags.json) {
    // The deployment reads each shard's offline-engine events to merge and judge them.
    throw new UsageError(
      "--deployment runs the offline engine and prints one merged result",
      "Drop --engine pulumi/--json; in CI, run `idlc preview --stack S --json` per shard and `idlc shards judge`.",
    );
  }
  return (await deployment()).runDeployment(
    kind,
    flags as Parameters<Awaited<ReturnType<typeof deployment>>["runDeployment"]>[1],
  );
}
