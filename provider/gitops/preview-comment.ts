/**
 * The one call `idlc preview --format md` makes after the engine ran: people summary (against the PR's base),
 * reviewers, and the collected engine events, as the PR comment.
 */
import { findProject, resolveStackName } from "../../engine/provider-interface";
import { readProgramInputs } from "../program-inputs";
import { readOwners } from "./owners";
import { buildPrComment } from "./pr-comment";
import type { CollectedPreview } from "./preview-events";
import { reviewersFor } from "./reviewers";
import { defaultDiffBase, loadStackDiff } from "./stack-diff";

export interface PreviewCommentOptions {
  cwd: string;
  /** Default: PULUMI_STACK, else the project's only stack (engine/project `resolveStackName`, as every command). */
  stack?: string;
  /** HR export file or git ref of the "before" side; default `defaultDiffBase(env)`. */
  from?: string;
  /** yyyy-MM-dd; default the IDLC_AS_OF program input, else today (what the program plans with). */
  asOf?: string;
  engine: "local" | "pulumi";
  collected: CollectedPreview;
  env?: NodeJS.ProcessEnv;
  maxChars?: number;
}

/**
 * @throws ProjectError when no stack is named and there is not exactly one; IdlcErrors of the stack's inputs.
 * @example process.stdout.write(renderPreviewComment({ cwd, stack: flags.stack, engine: flags.engine, collected: collector.result() }));
 */
export function renderPreviewComment(options: PreviewCommentOptions): string {
  const env = options.env ?? process.env;
  const stack = resolveStackName(findProject(options.cwd), options.stack, env);
  const asOf = options.asOf ?? readProgramInputs(env).asOf ?? new Date().toISOString().slice(0, 10);
  const change = loadStackDiff({ cwd: options.cwd, stack, from: options.from ?? defaultDiffBase(env), asOf });
  const reviewers = reviewersFor({ ...change, owners: readOwners(change.stack.raw, change.stack.stackFile) });
  const { policy, resources, policyPacks, errors } = options.collected;
  return buildPrComment({
    diff: change.diff,
    policy,
    resources,
    policyPacks,
    errors,
    reviewers,
    stack,
    engine: options.engine,
    maxChars: options.maxChars,
  });
}
