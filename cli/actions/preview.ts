/** What `idlc preview` does once parsed (cli/commands/preview.ts defines the command). */
import { resolve } from "node:path";
import { collectPreviewEvents, pendingChanges, renderPreviewComment } from "../../provider/gitops";
import type { PreviewFlags } from "../commands/preview";
import { ExitCode, UsageError } from "../exit";
import { runIdentityOperation } from "../identity/hooks";

export async function runPreview(flags: PreviewFlags): Promise<number> {
  checkFlags(flags);
  const collector = collectPreviewEvents();
  const watch = flags.format === "md" || flags.expectNoChanges;
  const code = await runIdentityOperation("preview", flags, watch ? { onEvent: collector.onEvent } : {});
  const collected = collector.result();
  // Written even when the preview failed: the comment is where a reviewer reads why (policy results, errors).
  if (flags.format === "md") {
    process.stdout.write(renderPreviewComment({ cwd: resolve(flags.cwd ?? process.cwd()), stack: flags.stack?.split("/").pop(), from: flags.from, engine: flags.engine, collected }));
  }
  const pending = pendingChanges(collected.resources.changes);
  if (code === ExitCode.ok && flags.expectNoChanges && pending > 0) {
    process.stderr.write(`error: --expect-no-changes, but the preview has ${pending} pending change(s)\n`);
    return ExitCode.failed;
  }
  return code;
}

/** Combinations commander cannot refuse by itself. */
function checkFlags(flags: PreviewFlags): void {
  if (flags.format === "md" && flags.json) {
    throw new UsageError("--format md and --json both write to stdout", "Pass one of them: --format md for the PR comment, --json for engine events.");
  }
  if (flags.from !== undefined && flags.format !== "md") {
    throw new UsageError("--from only sets what the PR comment (--format md) compares against", "Add --format md, or drop --from.");
  }
  if (flags.engine === "pulumi" && (flags.format === "md" || flags.expectNoChanges)) {
    throw new UsageError("--format md and --expect-no-changes read the offline engine's events, which --engine pulumi does not produce", "Drop --engine pulumi, or use `pulumi preview --expect-no-changes` / the pulumi-actions workflows.");
  }
}
