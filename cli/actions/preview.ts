/** What `idlc preview` does once parsed (cli/commands/preview.ts defines the command). */
import { resolve } from "node:path";
import type { Issue } from "../../errors";
import { programInputsEnv, readProgramInputs } from "../../provider/program-inputs";
import type { PreviewFlags } from "../commands/preview";
import { ExitCode } from "../exit";
import { runIdentityOperation } from "../identity/hooks";
import { lazy } from "../lazy";

const gitopsCode = lazy<typeof import("../../provider/gitops")>("provider/gitops");
const appValuesCode = lazy<typeof import("./app-values")>("cli/actions/app-values");

export async function runPreview(flags: PreviewFlags): Promise<number> {
  // No credential and no decryption (DESIGN.md §4.12): providers configure without credentials under either engine,
  // and the offline engine leaves every secret ciphertext. IDLC_CREDENTIALS=write asks for the old, decrypting kind.
  const credentials = readProgramInputs().credentials ?? "none";
  const sealed = credentials === "none";
  const watch = flags.format === "md" || flags.expectNoChanges;
  // The PR comment's code (and the HR and access code behind the app values) loads only when used, and after the
  // program has started: a small stack's preview is nearly all start-up, and the program's is the long pole.
  const gitops = watch ? await gitopsCode() : undefined;
  const collector = gitops?.collectPreviewEvents();
  const childEnv = () => programInputsEnv({ credentials });
  // Flagged while the program starts (or after the run, when none did), so a reviewer sees them even when the
  // preview itself fails. An error in computing them is thrown below, after the run, not lost.
  let appValues: Promise<Issue[]> | undefined;
  const flagAppValues = () => (appValues ??= flaggedAppValues(flags));
  const code = await runIdentityOperation(
    "preview",
    { ...flags, sealed },
    { onEvent: collector?.onEvent, childEnv, onProgramStarted: () => void flagAppValues().catch(() => undefined) },
  );
  const refused = (await flagAppValues()).some((i) => i.severity === "error");
  if (gitops && collector) {
    const collected = collector.result();
    // Written even when the preview failed: the comment is where a reviewer reads why (policy results, errors).
    if (flags.format === "md") {
      process.stdout.write(
        gitops.renderPreviewComment({
          cwd: resolve(flags.cwd ?? process.cwd()),
          stack: flags.stack,
          from: flags.from,
          asOf: flags.asOf,
          engine: flags.engine,
          collected,
        }),
      );
    }
    const pending = gitops.pendingChanges(collected.resources.changes);
    if (code === ExitCode.ok && flags.expectNoChanges && pending > 0) {
      process.stderr.write(`error: --expect-no-changes, but the preview has ${pending} pending change(s)\n`);
      return ExitCode.failed;
    }
  }
  // A value an app would refuse fails the PR's preview (caught before merge); `up` still applies everyone else.
  return code === ExitCode.ok && refused ? ExitCode.failed : code;
}

/** The app-value issues of the stack, written to stderr as `idlc validate` prints them. */
async function flaggedAppValues(flags: PreviewFlags): Promise<Issue[]> {
  const { formatAppValues, previewAppValues } = await appValuesCode();
  const issues = previewAppValues(flags);
  process.stderr.write(formatAppValues(issues));
  return issues;
}
