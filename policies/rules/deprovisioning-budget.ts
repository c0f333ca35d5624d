/**
 * The deprovisioning budget as a stack rule, so `pulumi preview --policy-pack` gets the same protection as the
 * offline engine's `up` gate: a truncated HR export cannot disable a wave of accounts unnoticed.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { deprovisionBudget } from "../../provider/safety";
import { accountsOf, appKey, shiftDays, today, type PolicyResourceLike } from "./accounts";

/** Arguments of the budget rule. */
export interface DeprovisioningBudgetArgs {
  /** Share of an app's accounts that may be newly disabled. Default: 10. */
  maxPercent?: number;
  /** Absolute cap per app. Default: 25. */
  maxAccounts?: number;
  /** A termination counts as new for this many days. Default: 7. */
  windowDays?: number;
  /** Disables explicitly allowed for this change (the reviewed `--allow-deprovision N`). Default: 0. */
  allowDeprovision?: number;
  asOf?: string;
}

/** Accounts per app, and those newly disabled by termination inside the window. */
export function countNewlyDisabled(
  resources: readonly PolicyResourceLike[],
  since: string,
): Map<string, { total: number; disabled: number }> {
  const counts = new Map<string, { total: number; disabled: number }>();
  for (const account of accountsOf(resources, ["enabled", "lifecycle", "lifecycleSince"])) {
    const { props } = account;
    const key = appKey(account);
    const entry = counts.get(key) ?? { total: 0, disabled: 0 };
    entry.total += 1;
    // Without lifecycleSince we cannot tell old leavers from new ones, so count them: fail safe.
    const newlyTerminated =
      props.lifecycle === "terminated" && (!props.lifecycleSince || props.lifecycleSince >= since);
    if (props.enabled === false && newlyTerminated) entry.disabled += 1;
    counts.set(key, entry);
  }
  return counts;
}

export const deprovisioningBudget: StackValidationPolicy = {
  name: "deprovisioning-budget",
  description: "No update disables more accounts per app than the deprovisioning budget allows.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      maxPercent: { type: "number", minimum: 0, maximum: 100, default: 10 },
      maxAccounts: { type: "integer", minimum: 0, default: 25 },
      windowDays: { type: "integer", minimum: 0, default: 7 },
      allowDeprovision: { type: "integer", minimum: 0, default: 0 },
      asOf: { type: "string" },
    },
  },
  validateStack: (args, reportViolation) => {
    const {
      maxPercent = 10,
      maxAccounts = 25,
      windowDays = 7,
      allowDeprovision = 0,
      asOf,
    } = args.getConfig<DeprovisioningBudgetArgs>();
    const since = shiftDays(today(asOf), -windowDays);
    for (const [app, { total, disabled }] of [...countNewlyDisabled(args.resources, since)].sort()) {
      const budget = deprovisionBudget(total, { maxPercent, maxAccounts });
      if (disabled > budget && disabled !== allowDeprovision) {
        reportViolation(
          `${app} must not have more than ${budget} accounts newly disabled in one change but would have ${disabled} of ${total}; check the HR export, or allow exactly this with allowDeprovision=${disabled}.`,
        );
      }
    }
  },
};
