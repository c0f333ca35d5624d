/**
 * What `idlc` adds to the engine's generic `up`/`preview` for an identity stack: employee ids as targets, the
 * lifecycle date (`--as-of`), the accounts the stack holds (so a mover's lost account is disabled, not deleted),
 * and the deprovisioning budget gate. A project without `identity:hr` gets none of it.
 */
import { resolve } from "node:path";
import { openBackend, type ResourceV3 } from "../../engine/state";
import { findProject, resolveStackName } from "../../engine/project";
import {
  runOperationCommand,
  type ChildEnv,
  type OperationFlags,
  type OperationHooks,
  type OperationKind,
  type PlanSummary,
} from "../../engine";
import { loadStackSettings } from "../../provider/config";
import { SafetySettings } from "../../provider/safety";
import { programInputsEnv, writeInputFile } from "../../provider/program-inputs";
// By file, not through the stack-plan index, which also loads the planner (see planCode).
import { heldAccounts, writeHeldAccounts } from "../../provider/stack-plan/held-accounts";
import type { StackPlan } from "../../provider/stack-plan";
import { lazy } from "../lazy";
import { asOfDate } from "../stack-options";
import { accountsPerApp, judgeBudget, type PlannedStep } from "./budget";
import { cutoffUrns } from "./cutoffs";
import { managerLinkUrns } from "./manager-links";
import { cutoffsOnly } from "./one-run";
import { outcomeLog } from "./outcome";
import { targetUrns } from "./targets";

// The planner (HR reader, access resolver) and the audit log reader are ~180 modules: a preview needs neither before
// its program starts (its app values load them after), so they load on use (test/cli/lazy-commands.test.ts).
const planCode = lazy<typeof import("../../provider/stack-plan")>("provider/stack-plan");
const portalLogCode = lazy<typeof import("./portal-log")>("cli/identity/portal-log");

export interface IdentityFlags extends OperationFlags {
  asOf?: string;
  allowDeprovision?: number;
}

/**
 * The stack as it stands — project, name, resources in state and the accounts among them — read once per command
 * (a 20,000-resource checkpoint takes seconds to parse) and shared by the held-accounts file, targets and budget.
 */
function stackNow(flags: IdentityFlags) {
  let read: Promise<{ project: ReturnType<typeof findProject>; stack: string; state: ResourceV3[] }> | undefined;
  return () =>
    (read ??= (async () => {
      const project = findProject(resolve(flags.cwd ?? process.cwd()));
      const stack = resolveStackName(project, flags.stack);
      return { project, stack, state: (await openBackend({ project }).exportStack(stack)).deployment.resources ?? [] };
    })());
}

export function identityHooks(flags: IdentityFlags, now = stackNow(flags)): OperationHooks {
  // Planned once per command: `idlc kill` maps its targets and then judges the budget from the same plan.
  let planned: Promise<StackPlan> | undefined;
  const planNow = () =>
    (planned ??= now().then(async ({ project, stack, state }) =>
      (await planCode()).loadStackPlan({
        cwd: project.dir,
        stack,
        asOf: asOfDate(flags.asOf),
        held: heldAccounts(state),
      }),
    ));
  return {
    async mapTargets(targets) {
      const { project, stack, state } = await now();
      return targetUrns(targets, {
        stack,
        project: project.name,
        plan: (await planNow()).plan,
        known: state.map((r) => r.urn),
      });
    },
    async planInRun(targets) {
      const { project, stack } = await now();
      return cutoffsOnly(targets, { stack, project: project.name, plan: (await planNow()).plan });
    },
    async beforeApply(plan: PlanSummary) {
      const { state } = await now();
      const settings = SafetySettings.partial().parse((await planNow()).stack.raw["identity:safety"] ?? {});
      const verdict = judgeBudget(plan.steps as PlannedStep[], accountsPerApp(state), settings, flags.allowDeprovision);
      if (!verdict.ok) process.stderr.write(`${verdict.message}\n`);
      return verdict.ok;
    },
  };
}

/** True when the stack is an idlc identity stack (it names an HR export); any other Pulumi program runs as is. */
function isIdentityStack(flags: IdentityFlags): boolean {
  try {
    const project = findProject(resolve(flags.cwd ?? process.cwd()));
    const stack = resolveStackName(project, flags.stack);
    return loadStackSettings({ cwd: project.dir, stack }).settings.hr !== undefined;
  } catch {
    return false;
  }
}

/** Hooks a command adds on top of the identity ones (which own target mapping and the apply gate). */
export type ExtraHooks = Omit<OperationHooks, "mapTargets" | "beforeApply" | "planInRun">;

/**
 * `idlc preview|up|refresh|destroy` with the identity stack's additions where they apply; `extra` (e.g. `onEvent`)
 * always. An identity `up` keeps each failure with its person (DESIGN.md §4.11): it runs with `--continue-on-error`,
 * applies every cutoff first in a targeted update of its own (unless the run is targeted already), and ends with a
 * per-person summary of what failed and how to fix it.
 */
export async function runIdentityOperation(
  kind: OperationKind,
  flags: IdentityFlags,
  extra: ExtraHooks = {},
): Promise<number> {
  const targetFiles = targetsFiles();
  try {
    return await runWithTargets(kind, flags, extra, targetFiles.env);
  } finally {
    targetFiles.removeAll();
  }
}

/**
 * A targeted pass's URNs for the program, in a file (program-inputs/input-files.ts: a first up's manager-link pass
 * names thousands, past what one environment entry may hold), written once per pass and removed after the command.
 */
function targetsFiles() {
  const written = new Map<string, ReturnType<typeof writeInputFile>>();
  return {
    env: (targets: readonly string[] | undefined): Record<string, string> => {
      if (!targets?.length) return {};
      const key = targets.join("\n");
      let input = written.get(key);
      if (!input) written.set(key, (input = writeInputFile("idlc-targets-", targets)));
      return programInputsEnv({ targetsFile: input.file });
    },
    removeAll: () => written.forEach((input) => input.remove()),
  };
}

async function runWithTargets(
  kind: OperationKind,
  flags: IdentityFlags,
  extra: ExtraHooks,
  targetsInput: (targets: readonly string[] | undefined) => Record<string, string>,
): Promise<number> {
  // Any program run by idlc learns a targeted pass's URNs (so it can skip declaring the rest, as bench/engine's does).
  const targetsEnv = (targets: readonly string[] | undefined) => ({
    ...extra.childEnv?.(targets),
    ...targetsInput(targets),
  });
  if (!isIdentityStack(flags)) return runOperationCommand(kind, flags, { ...extra, childEnv: targetsEnv });
  // Each update pins the reset portal's log head in its history entry, so the chain catches a deleted or cut log;
  // a preview writes no history.
  const historyEnvironment = kind === "preview" ? undefined : (await portalLogCode()).portalLogAnchor(flags);
  if (kind === "up") flags = { ...flags, continueOnError: true };
  const asOf = asOfDate(flags.asOf);
  const now = stackNow(flags);
  // Under the Pulumi CLI the state is not ours to read: a mover's lost account is then refused deletion, not kept.
  const held =
    kind === "preview" || kind === "up"
      ? flags.engine === "pulumi"
        ? undefined
        : writeHeldAccounts(heldAccounts((await now()).state))
      : undefined;
  // The program's inputs travel in its environment only (provider/program-inputs); a targeted pass declares its targets.
  const childEnv: ChildEnv = (targets) => ({
    ...targetsEnv(targets),
    ...programInputsEnv({ asOf, heldAccountsFile: held?.file }),
  });
  const hooks = identityHooks(flags, now);
  const log = outcomeLog();
  const upHooks: OperationHooks = {
    ...hooks,
    async beforeApply(plan, f) {
      log.planned(plan.steps);
      return hooks.beforeApply!(plan, f);
    },
    applyFirst: flags.target?.length ? undefined : (plan) => cutoffUrns(plan.steps),
    applyAfter: flags.target?.length ? undefined : (plan, failed) => managerLinkUrns(plan.steps, failed),
    onEvent: (e) => {
      log.onEvent(e);
      extra.onEvent?.(e);
    },
  };
  try {
    const kindHooks = kind === "up" ? upHooks : { mapTargets: hooks.mapTargets };
    const code = await runOperationCommand(kind, flags, { ...extra, ...kindHooks, childEnv, historyEnvironment });
    const summary = kind === "up" ? log.summary() : "";
    if (summary) process.stderr.write(`${summary}\n`);
    return code;
  } finally {
    held?.remove();
  }
}
