/**
 * Which targeted `up`s are judged in their own run (engine `planInRun`): those whose every target is an account the
 * plan declares as a cutoff. A targeted run declares no group, so no target waits on anything (a held cutoff never
 * does, DESIGN.md §4.11): the program declares them all without awaiting any of their answers, and the gate sees the
 * whole plan before any change — the kill switch's case. Any
 * other target (a joiner, a mover, an account only in state) takes the usual preview-then-update.
 */
import type { AccessPlan } from "../../provider/access";
import { isCutoff } from "../../provider/stack-plan/cutoff";
import { accountUrn } from "./targets";

export function cutoffsOnly(
  targets: readonly string[],
  ctx: { stack: string; project: string; plan: AccessPlan },
): boolean {
  const cutoffs = new Set(
    ctx.plan.people.flatMap((p) =>
      p.accounts
        .filter((a) => isCutoff(a.spec))
        .map((a) => accountUrn(ctx.stack, ctx.project, a.app, p.employeeId, a.spec.instance)),
    ),
  );
  return targets.length > 0 && targets.every((urn) => cutoffs.has(urn));
}
