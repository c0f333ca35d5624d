/**
 * @module gitops
 * Pull-request review of identity changes: the preview as one PR comment (people summary first, policy results,
 * resource counts; fitted under GitHub's size limit; found again by a hidden marker), the engine-event collector
 * that feeds it, reviewer routing from role owners and `identity:owners`, and CODEOWNERS entries for a stack.
 *
 * @example
 * const collector = collectPreviewEvents();
 * await runOperation({ kind: "preview", cwd, stack, policyPacks, onEvent: collector.onEvent });
 * process.stdout.write(renderPreviewComment({ cwd, stack, engine: "local", collected: collector.result() }));
 */
export { buildPrComment, commentMarker, githubCommentLimit, type PrCommentOptions } from "./pr-comment";
export { type PolicyResult, type ResourceStep, type ResourceChanges } from "./comment-inputs";
export { collectPreviewEvents, pendingChanges, type PreviewEvent, type CollectedPreview } from "./preview-events";
export { renderPreviewComment, type PreviewCommentOptions } from "./preview-comment";
export { loadStackDiff, defaultDiffBase, type StackDiff } from "./stack-diff";
export { reviewersFor, type Reviewer, type ReviewInputs } from "./reviewers";
export { OwnersSettings, OwnerRef, readOwners, appOwners, type Owners } from "./owners";
export { formatCodeowners, type CodeownersFile } from "./codeowners";
export { stackCodeownersFiles } from "./codeowners-files";
export { fitBlocks, type Block } from "./fit-comment";
export { GitopsCode, OwnersConfigError } from "./errors";
