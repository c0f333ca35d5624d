/**
 * What `idlc` adds to the engine's generic `up`/`preview` for an identity stack: employee ids as targets, the
 * lifecycle date (`--as-of`), and the deprovisioning budget gate. A project without `identity:hr` gets none of it.
 */
import { resolve } from "node:path";
import { openBackend } from "../../engine/state";
import { findProject, resolveStackName } from "../../engine/project";
import type { OperationFlags, OperationHooks, PlanSummary } from "../../engine";
import { SafetySettings } from "../../provider/safety";
import { loadStackPlan } from "../../provider/stack";
import { UsageError } from "../exit";
import { judgeBudget, type PlannedStep } from "./budget";
import { targetUrns } from "./targets";

export interface IdentityFlags extends OperationFlags {
  asOf?: string;
  allowDeprovision?: number;
}

/** `yyyy-MM-dd` of `--as-of`, or today. */
export function asOfDate(value: string | undefined): string {
  const asOf = value ?? new Date().toISOString().slice(0, 10);
  const day = new Date(`${asOf}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== asOf) {
    throw new UsageError(`--as-of "${asOf}" is not a date`, "Write it as yyyy-MM-dd, e.g. --as-of 2026-12-01.");
  }
  return asOf;
}

function identityContext(flags: IdentityFlags) {
  const cwd = resolve(flags.cwd ?? process.cwd());
  const project = findProject(cwd);
  const stack = resolveStackName(project, flags.stack).split("/").pop()!;
  const loaded = loadStackPlan({ cwd: project.dir, stack, asOf: asOfDate(flags.asOf) });
  return { cwd, project, stack, loaded };
}

export function identityHooks(flags: IdentityFlags): OperationHooks {
  return {
    async mapTargets(targets) {
      const { project, stack, loaded } = identityContext(flags);
      const backend = openBackend({ project });
      const known = (await backend.exportStack(stack)).deployment.resources?.map((r) => r.urn) ?? [];
      return targetUrns(targets, { stack, project: project.name, plan: loaded.plan, known });
    },
    beforeApply(plan: PlanSummary) {
      const { loaded } = identityContext(flags);
      const settings = SafetySettings.partial().parse(loaded.stack.raw["identity:safety"] ?? {});
      const verdict = judgeBudget(plan.steps as unknown as PlannedStep[], settings, flags.allowDeprovision);
      if (!verdict.ok) process.stderr.write(`${verdict.message}\n`);
      return verdict.ok;
    },
  };
}
