/**
 * Counting what an update would take away, per app: the input of the deprovisioning budget gate.
 */
import { deprovisionBudget, type SafetySettings } from "./budget";

/** One planned change to an account resource, as the engine's preview reports it. */
export interface AccountStep {
  op: string;
  /** The app's budget key (`slack`, `scim:github`). */
  app: string;
  /** `enabled` before and after the step; undefined where there is no before (create) or after (delete). */
  wasEnabled?: boolean;
  willBeEnabled?: boolean;
}

export interface AppDeprovisions {
  app: string;
  /** Accounts the app has before the update. */
  existing: number;
  disables: number;
  deletes: number;
  budget: number;
}

const DELETING = new Set(["delete", "delete-replaced", "discard"]);

/**
 * Disables and deletes per app, with each app's budget; sorted by app.
 * @param existing accounts each app holds before the update (from the stack's state)
 */
export function countDeprovisions(
  steps: readonly AccountStep[],
  existing: ReadonlyMap<string, number>,
  settings: Partial<SafetySettings> = {},
): AppDeprovisions[] {
  const byApp = new Map<string, { disables: number; deletes: number }>(
    [...existing.keys()].map((app) => [app, { disables: 0, deletes: 0 }]),
  );
  for (const step of steps) {
    const entry = byApp.get(step.app) ?? { disables: 0, deletes: 0 };
    if (DELETING.has(step.op)) entry.deletes += 1;
    else if (step.wasEnabled === true && step.willBeEnabled === false) entry.disables += 1;
    byApp.set(step.app, entry);
  }
  return [...byApp]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([app, counts]) => {
      const count = existing.get(app) ?? 0;
      return { app, existing: count, ...counts, budget: deprovisionBudget(count, settings) };
    });
}

/**
 * The apps whose disables + deletes exceed their budget. `allow` is the reviewed `--allow-deprovision N`: it
 * lets an update through only when N is exactly the total over all apps, so an approval cannot be reused for a
 * bigger wave.
 */
export function overBudget(counts: readonly AppDeprovisions[], allow?: number): AppDeprovisions[] {
  const total = counts.reduce((n, c) => n + c.disables + c.deletes, 0);
  if (allow !== undefined && allow === total) return [];
  return counts.filter((c) => c.disables + c.deletes > c.budget);
}
