/**
 * What a preview contributes to the PR comment, in the engine's own terms (engine/events.ts): policy violations
 * as `policyEvent`s report them, resource steps as `resourcePreEvent`s describe them.
 */

/** One policy violation. Pulumi reports an advisory violation with level `warning`. */
export interface PolicyResult {
  policyPackName: string;
  policyName: string;
  enforcementLevel: "mandatory" | "advisory" | "warning" | "remediate";
  message: string;
  /** Absent for a stack-wide rule. */
  resourceUrn?: string;
}

/** One planned step: `op` as Pulumi names it (`create`, `update`, `delete`, `replace`, `same`, …). */
export interface ResourceStep {
  op: string;
  urn: string;
  type: string;
  /** Top-level properties that differ. */
  diffs?: string[];
}

export interface ResourceChanges {
  /** Steps per op, as the engine's summary counts them (`same` included). */
  changes: Partial<Record<string, number>>;
  steps: ResourceStep[];
}

/** The resource name of a URN (`slack/E071`): what follows the last `::`. */
export const urnName = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

/** Table cell text: HTML-escaped (tables sit inside `<details>`), pipes escaped so they do not split the row. */
export const cell = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
