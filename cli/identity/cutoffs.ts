/**
 * Which planned steps cut someone off: an account going from enabled to disabled (leaver, leave, kill switch, a
 * mover's revoked account). `idlc up` applies these first, in a targeted update of their own, so no other change —
 * and no other person's failure — can hold them back (DESIGN.md §4.11).
 */
import { accountAppOf } from "../../provider/stack-plan/names";
import { isCutoff } from "../../provider/stack-plan/cutoff";
import type { PlannedStep } from "./budget";

/** URNs of the planned updates that disable an enabled account, in plan order. */
export function cutoffUrns(steps: ReadonlyArray<PlannedStep & { urn: string }>): string[] {
  const cuts = (s: PlannedStep) => !!s.new && s.old?.inputs.enabled === true && isCutoff(fields(s.new.inputs));
  return steps.filter((s) => s.op === "update" && accountAppOf(s.type) && cuts(s)).map((s) => s.urn);
}

type CutoffFields = Parameters<typeof isCutoff>[0];
const fields = (inputs: Record<string, unknown>): CutoffFields => ({
  enabled: inputs.enabled === true,
  lifecycle: String(inputs.lifecycle) as CutoffFields["lifecycle"],
});
