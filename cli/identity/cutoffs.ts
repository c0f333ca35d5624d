/**
 * Which planned steps cut someone off: an account going from enabled to disabled (leaver, leave, kill switch, a
 * mover's revoked account). `idlc up` applies these first, in a targeted update of their own, so no other change —
 * and no other person's failure — can hold them back (DESIGN.md §4.11).
 */
import { accountAppOf, isCutoff } from "../../provider/stack";
import type { PlannedStep } from "./budget";

/** URNs of the planned updates that disable an enabled account, in plan order. */
export function cutoffUrns(steps: ReadonlyArray<PlannedStep & { urn: string }>): string[] {
  return steps
    .filter((s) => s.op === "update" && accountAppOf(s.type) && s.old?.inputs.enabled === true && s.new && isCutoff(cutoffFields(s.new.inputs)))
    .map((s) => s.urn);
}

const cutoffFields = (inputs: Record<string, unknown>) => ({ enabled: inputs.enabled === true, lifecycle: String(inputs.lifecycle) as never });
