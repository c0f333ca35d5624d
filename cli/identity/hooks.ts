/**
 * What `idlc` adds to the engine's generic `up`/`preview` for an identity stack: employee ids as targets, the
 * lifecycle date (`--as-of`), and the deprovisioning budget gate. A project without `identity:hr` gets none of it.
 */
import { resolve } from "node:path";
import { openBackend } from "../../engine/state";
import { findProject, resolveStackName } from "../../engine/project";
import { runOperationCommand, type OperationFlags, type OperationHooks, type OperationKind, type PlanSummary } from "../../engine";
import { loadStackSettings } from "../../provider/config";
import { SafetySettings } from "../../provider/safety";
import { loadStackPlan } from "../../provider/stack";
import { asOfDate } from "../stack-options";
import { accountsPerApp, judgeBudget, type PlannedStep } from "./budget";
import { targetUrns } from "./targets";

export interface IdentityFlags extends OperationFlags {
  asOf?: string;
  allowDeprovision?: number;
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
    async beforeApply(plan: PlanSummary) {
      const { project, stack, loaded } = identityContext(flags);
      const settings = SafetySettings.partial().parse(loaded.stack.raw["identity:safety"] ?? {});
      const state = (await openBackend({ project }).exportStack(stack)).deployment.resources ?? [];
      const verdict = judgeBudget(plan.steps as PlannedStep[], accountsPerApp(state as never), settings, flags.allowDeprovision);
      if (!verdict.ok) process.stderr.write(`${verdict.message}\n`);
      return verdict.ok;
    },
  };
}

/** True when the stack is an idlc identity stack (it names an HR export); any other Pulumi program runs as is. */
function isIdentityStack(flags: IdentityFlags): boolean {
  try {
    const project = findProject(resolve(flags.cwd ?? process.cwd()));
    const stack = resolveStackName(project, flags.stack).split("/").pop()!;
    return loadStackSettings({ cwd: project.dir, stack }).settings.hr !== undefined;
  } catch {
    return false;
  }
}

/** Hooks a command adds on top of the identity ones (which own target mapping and the apply gate). */
export type ExtraHooks = Omit<OperationHooks, "mapTargets" | "beforeApply">;

/** `idlc preview|up|refresh|destroy` with the identity stack's additions where they apply; `extra` (e.g. `onEvent`) always. */
export async function runIdentityOperation(kind: OperationKind, flags: IdentityFlags, extra: ExtraHooks = {}): Promise<number> {
  if (!isIdentityStack(flags)) return runOperationCommand(kind, flags, extra);
  // The program reads the lifecycle date from here (provider/stack/program.ts).
  process.env.IDLC_AS_OF = asOfDate(flags.asOf);
  const hooks = identityHooks(flags);
  return runOperationCommand(kind, flags, { ...extra, ...(kind === "up" ? hooks : { mapTargets: hooks.mapTargets }) });
}
