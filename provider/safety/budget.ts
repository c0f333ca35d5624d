/**
 * The budget itself: how many disables plus deletes one update may make in an app.
 */
import { z } from "zod";

export const SafetySettings = z.object({
  /** Share of an app's accounts that one update may disable or delete. */
  maxPercent: z.number().min(0).max(100).default(10),
  /** Absolute cap per app, whatever the share allows. */
  maxAccounts: z.number().int().min(0).default(25),
});
export type SafetySettings = z.infer<typeof SafetySettings>;

/**
 * How many disables plus deletes one update may make in an app that has `accountCount` accounts: the smaller of
 * the share and the cap, and never less than one, so a single leaver in a tiny app is never blocked.
 */
export function deprovisionBudget(accountCount: number, settings: Partial<SafetySettings> = {}): number {
  const { maxPercent, maxAccounts } = SafetySettings.parse(settings);
  return Math.max(1, Math.min(maxAccounts, Math.floor((accountCount * maxPercent) / 100)));
}
