import { Option, type Command } from "commander";
import { addOperationOptions } from "../../engine/command/operation-options";
import type { IdentityFlags } from "../identity/hooks";
import { UsageError } from "../exit";
import { lazy } from "../lazy";
import { prestartFor } from "../prestart";
import { addDeploymentOptions, runIfDeployment } from "./shards";

export interface PreviewFlags extends IdentityFlags {
  deployment?: string;
  format: "text" | "md";
  from?: string;
  expectNoChanges?: boolean;
}

const action = lazy<typeof import("../actions/preview")>("cli/actions/preview");

/** `idlc preview`: show what an update would change, without changing anything (offline engine; `--engine pulumi` uses the Pulumi CLI). */
export function register(program: Command): void {
  addDeploymentOptions(
    addOperationOptions(
      program.command("preview").description("show what an update would change, without changing anything"),
      "preview",
    ),
  )
    .option(
      "--as-of <date>",
      "lifecycle date of the identity stack, yyyy-MM-dd (default: today), e.g. next Monday's joiners",
    )
    .addOption(
      new Option(
        "--format <format>",
        "md: write the PR comment (people summary, policy results, resource changes) to stdout",
      )
        .choices(["text", "md"])
        .default("text"),
    )
    .option(
      "--from <fileOrGitRef>",
      "with --format md: the HR export (file or git ref) the people summary compares against (default: origin/$GITHUB_BASE_REF, else HEAD)",
    )
    .option("--expect-no-changes", "exit 1 when the preview has pending changes (drift check)")
    .action(async (flags: PreviewFlags) => {
      checkFlags(flags);
      await prestartFor(flags);
      process.exitCode = (await runIfDeployment("preview", flags)) ?? (await (await action()).runPreview(flags));
    });
}

/** Combinations commander cannot refuse by itself, checked before the preview's code loads. */
function checkFlags(flags: PreviewFlags): void {
  if (flags.format === "md" && flags.json) {
    throw new UsageError(
      "--format md and --json both write to stdout",
      "Pass one of them: --format md for the PR comment, --json for engine events.",
    );
  }
  if (flags.from !== undefined && flags.format !== "md") {
    throw new UsageError(
      "--from only sets what the PR comment (--format md) compares against",
      "Add --format md, or drop --from.",
    );
  }
  if (flags.engine === "pulumi" && (flags.format === "md" || flags.expectNoChanges)) {
    throw new UsageError(
      "--format md and --expect-no-changes read the offline engine's events, which --engine pulumi does not produce",
      "Drop --engine pulumi, or use `pulumi preview --expect-no-changes` / the pulumi-actions workflows.",
    );
  }
}
