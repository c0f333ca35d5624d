/**
 * The preview as one pull-request comment: people first (who joins, moves, leaves, returns), then policy
 * results, then resource counts with every step collapsed. Pure: the inputs come from `diffPlans`, the engine
 * events (`collectPreviewEvents`) and `reviewersFor`.
 */
import { formatDiff, type JmlDiff } from "../access";
import type { PolicyResult, ResourceChanges } from "./comment-inputs";
import { cutNote, fitBlocks, type Block } from "./fit-comment";
import { blocking, policyBlocks } from "./policy-section";
import { resourceBlock } from "./resource-section";
import type { Reviewer } from "./reviewers";

/** GitHub refuses a comment over 65,536 characters; the default leaves room for a workflow's own footer. */
export const githubCommentLimit = 65_536;

export interface PrCommentOptions {
  diff: JmlDiff;
  policy: PolicyResult[];
  resources: ResourceChanges;
  stack: string;
  /** `local` (offline engine) or `pulumi` (the Pulumi CLI). */
  engine: string;
  reviewers?: Reviewer[];
  /** Policy packs that ran (from the engine's summary); `[]` says none did. */
  policyPacks?: string[];
  /** Errors the preview reported: a failed preview must not read like an empty one. */
  errors?: string[];
  maxChars?: number;
}

/** The hidden first line a workflow finds to update its one comment instead of adding one per push. */
export const commentMarker = (stack: string) =>
  `<!-- idlc:preview stack=${stack.replace(/[^A-Za-z0-9._/-]/g, "_")} -->`;

/** @example process.stdout.write(buildPrComment({ diff, ...collector.result(), stack: "demo", engine: "local" })); */
export function buildPrComment(options: PrCommentOptions): string {
  const { diff, policy, resources, stack, engine, reviewers = [], errors = [], maxChars = 65_000 } = options;
  const hard = blocking(policy).length;
  const verdict =
    errors.length > 0
      ? `❌ **The preview failed**: nothing below is a complete plan.`
      : hard > 0
        ? `❌ **${hard} mandatory policy violation${hard === 1 ? "" : "s"}**: \`idlc up\` refuses this change until ${hard === 1 ? "it is" : "they are"} fixed.`
        : "✅ No mandatory policy violations.";
  const blocks: Block[] = [
    {
      head: [commentMarker(stack), `## idlc preview · stack \`${stack}\` · engine ${engine}`, "", verdict, ""],
      items: [],
      tail: [],
    },
    ...reviewerBlocks(reviewers),
    ...(errors.length
      ? [
          {
            head: ["### Preview errors", ""],
            items: errors.map((e) => `- ${e.trim().replace(/\r?\n/g, " ")}`),
            tail: [""],
            rank: 5,
            cutNote: cutNote("errors", "idlc preview"),
          },
        ]
      : []),
    peopleBlock(diff),
    ...policyBlocks(policy, displayNames(diff), options.policyPacks),
    resourceBlock(resources),
  ];
  return `${fitBlocks(blocks, maxChars - 1).trimEnd()}\n`;
}

/** `formatDiff`'s markdown: its heading and per-app totals stay, its people go from the end when space runs out. */
function peopleBlock(diff: JmlDiff): Block {
  const lines = formatDiff(diff, "md").trimEnd().split("\n");
  const firstSection = lines.findIndex((l) => l.startsWith("#### "));
  const at = firstSection < 0 ? lines.length : firstSection;
  return {
    head: lines.slice(0, at),
    items: lines.slice(at),
    tail: [""],
    rank: 3,
    cutNote: cutNote("lines of the people summary", "idlc diff --format json"),
  };
}

/** Names on one line (what GitHub users scan for), why each is asked in a collapsed list. */
function reviewerBlocks(reviewers: readonly Reviewer[]): Block[] {
  if (reviewers.length === 0) return [];
  const shown = reviewers.slice(0, 50).map((r) => r.owner);
  const more = reviewers.length > shown.length ? `, and ${reviewers.length - shown.length} more` : "";
  return [
    {
      head: [`**Reviewers:** ${shown.join(", ")}${more}`, "", "<details><summary>Why each reviewer</summary>", ""],
      items: reviewers.map((r) => `- ${r.owner}: ${r.reasons.join(", ")}`),
      tail: ["", "</details>", ""],
      rank: 2,
      cutNote: cutNote("reviewer reasons"),
    },
  ];
}

function displayNames(diff: JmlDiff): Map<string, string> {
  return new Map(
    [...diff.joiners, ...diff.movers, ...diff.leavers, ...diff.rehires].map((p) => [p.employeeId, p.displayName]),
  );
}
