/**
 * Time-bound grants: an expiring grant expires within the configured maximum, so "temporary" stays temporary.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { accountOf, shiftDays, today, who } from "./accounts";

/** Arguments of the time-bound grant rule. */
export interface TimeBoundGrantArgs {
  /** The longest a time-bound grant may run from today. Default: 90 days. */
  maxDays?: number;
  asOf?: string;
}

export const timeBoundGrants: ResourceValidationPolicy = {
  name: "time-bound-grants",
  description: "A time-bound grant expires within the configured maximum number of days.",
  enforcementLevel: "mandatory",
  configSchema: { properties: { maxDays: { type: "integer", minimum: 1, default: 90 }, asOf: { type: "string" } } },
  validateResource: (args, reportViolation) => {
    const account = accountOf(args);
    if (!account) return;
    const { app, props } = account;
    const { maxDays = 90, asOf } = args.getConfig<TimeBoundGrantArgs>();
    const latest = shiftDays(today(asOf), maxDays);
    for (const grant of props.grants ?? []) {
      if (grant.expires && grant.expires > latest) {
        reportViolation(
          `${who(props)} must not hold ${grant.entitlement} in ${app} (roles ${grant.roleIds.join(", ")}) beyond ${latest}: it expires ${grant.expires}, more than ${maxDays} days ahead; shorten the grant.`,
        );
      }
    }
  },
};
