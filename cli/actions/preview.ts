/** What `idlc preview` does once parsed (cli/commands/preview.ts defines the command). */
import { resolve } from "node:path";
import { collectPreviewEvents, pendingChanges, renderPreviewComment } from "../../provider/gitops";
import { programInputsEnv, readProgramInputs } from "../../provider/program-inputs";
import type { PreviewFlags } from "../commands/preview";
import { ExitCode } from "../exit";
import { runIdentityOperation } from "../identity/hooks";
import { formatAppValues, previewAppValues } from "./app-values";

export async function runPreview(flags: PreviewFlags): Promise<number> {
  // Flagged before the engine runs, so a reviewer sees them even when the preview itself fails.
  const appValues = previewAppValues(flags);
  process.stderr.write(formatAppValues(appValues));
  // No credential and no decryption (DESIGN.md §4.12): providers configure without credentials under either engine,
  // and the offline engine leaves every secret ciphertext. IDLC_CREDENTIALS=write asks for the old, decrypting kind.
  const credentials = readProgramInputs().credentials ?? "none";
  const sealed = credentials === "none";
  const collector = collectPreviewEvents();
  const watch = flags.format === "md" || flags.expectNoChanges;
  const childEnv = () => programInputsEnv({ credentials });
  const code = await runIdentityOperation(
    "preview",
    { ...flags, sealed },
    watch ? { onEvent: collector.onEvent, childEnv } : { childEnv },
  );
  const collected = collector.result();
  // Written even when the preview failed: the comment is where a reviewer reads why (policy results, errors).
  if (flags.format === "md") {
    process.stdout.write(
      renderPreviewComment({
        cwd: resolve(flags.cwd ?? process.cwd()),
        stack: flags.stack,
        from: flags.from,
        asOf: flags.asOf,
        engine: flags.engine,
        collected,
      }),
    );
  }
  const pending = pendingChanges(collected.resources.changes);
  if (code === ExitCode.ok && flags.expectNoChanges && pending > 0) {
    process.stderr.write(`error: --expect-no-changes, but the preview has ${pending} pending change(s)\n`);
    return ExitCode.failed;
  }
  // A value an app would refuse fails the PR's preview (caught before merge); `up` still applies everyone else.
  return code === ExitCode.ok && appValues.some((i) => i.severity === "error") ? ExitCode.failed : code;
}
