/**
 * The deprovisioning budget gate (DESIGN.md §4.8): after the preview of an `up` and before anything changes,
 * disables and deletes are counted per app; over budget the update stops, naming the counts and the exact
 * `--allow-deprovision N` that would let this change — and only this change — through.
 */
import { countDeprovisions, overBudget, type AccountStep, type SafetySettings } from "../../provider/safety";
import { appKey } from "../../provider/access/roles/entitlements";
import { accountAppOf } from "../../provider/stack-plan/names";

/** A planned step with the account's inputs before and after, as the engine's preview reports it. */
export interface PlannedStep {
  op: string;
  type: string;
  old?: { inputs: Record<string, unknown> };
  new?: { inputs: Record<string, unknown> };
}

/** Planned steps on idlc accounts, in the budget's terms. */
export function accountSteps(steps: readonly PlannedStep[]): AccountStep[] {
  return steps.flatMap((s) => {
    const app = accountAppOf(s.type);
    if (!app) return [];
    const inputs = s.new?.inputs ?? s.old?.inputs ?? {};
    const enabled = (state?: { inputs: Record<string, unknown> }) =>
      state ? state.inputs.enabled === true : undefined;
    return [
      {
        op: s.op,
        app: appKey(app, inputs.instance as string | undefined),
        wasEnabled: enabled(s.old),
        willBeEnabled: enabled(s.new),
      },
    ];
  });
}

export interface BudgetVerdict {
  ok: boolean;
  /** One line per app over budget, then the flag that allows exactly this change. */
  message: string;
}

/** Accounts per app in the stack's state, from their resource types and inputs. */
export function accountsPerApp(
  resources: ReadonlyArray<{ type: string; inputs?: Record<string, unknown> }>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of resources) {
    const app = accountAppOf(r.type);
    if (!app) continue;
    const key = appKey(app, r.inputs?.instance as string | undefined);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function judgeBudget(
  steps: readonly PlannedStep[],
  existing: ReadonlyMap<string, number>,
  settings: Partial<SafetySettings>,
  allow?: number,
): BudgetVerdict {
  const counts = countDeprovisions(accountSteps(steps), existing, settings);
  const over = overBudget(counts, allow);
  if (over.length === 0) return { ok: true, message: "" };
  const total = counts.reduce((n, c) => n + c.disables + c.deletes, 0);
  const lines = over.map(
    (c) => `  ${c.app}: ${c.disables} disables + ${c.deletes} deletes of ${c.existing} accounts (budget ${c.budget})`,
  );
  return {
    ok: false,
    message: [
      "the update would deprovision more accounts than the safety budget allows; nothing was changed:",
      ...lines,
      allow === undefined
        ? ""
        : `  --allow-deprovision ${allow} does not match the ${total} disables and deletes planned.`,
      `Check the HR export (a truncated export looks exactly like this). If the change is intended, run again with --allow-deprovision ${total}.`,
    ]
      .filter(Boolean)
      .join("\n"),
  };
}
