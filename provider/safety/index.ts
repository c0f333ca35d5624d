/**
 * @module safety
 * The deprovisioning budget (DESIGN.md §4.8), one pure definition shared by the offline engine's `up` gate and
 * the policy pack's stack rule, so the real Pulumi CLI and idlc refuse the same waves of disables and deletes.
 */
export { SafetySettings, deprovisionBudget } from "./budget";
export { countDeprovisions, overBudget, type AccountStep, type AppDeprovisions } from "./count";
