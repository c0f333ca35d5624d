/**
 * Contractors: an end date on every contractor account, and (by default) no privileged roles. This is where
 * time-bound contractor access is enforced (`idlc validate` only warns about a missing end date, unless the stack
 * sets `identity:hr contractorEndDate: error`); its enforcement level and `requireEndDate` come from policy config.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { accountOf, privilegedGrants, who } from "./accounts";

/** Arguments of the contractor rule. */
export interface ContractorLimitsArgs {
  /** Contractors may hold privileged roles. Default: false. */
  allowPrivileged?: boolean;
  /**
   * Every contractor account must carry an end date. Default: true. A company that accepts open-ended contracts
   * sets false and keeps the privileged-role check at its enforcement level.
   */
  requireEndDate?: boolean;
}

export const contractorLimits: ResourceValidationPolicy = {
  name: "contractor-limits",
  description: "Contractor accounts carry an end date and no privileged roles.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      allowPrivileged: { type: "boolean", default: false },
      requireEndDate: { type: "boolean", default: true },
    },
  },
  validateResource: (args, reportViolation) => {
    const account = accountOf(args);
    if (!account || account.props.employmentType !== "contractor" || account.props.enabled === false) return;
    const { app, props } = account;
    const { allowPrivileged = false, requireEndDate = true } = args.getConfig<ContractorLimitsArgs>();
    if (requireEndDate && !props.endDate) {
      reportViolation(`${who(props)} is a contractor and must have an end date on the ${app} account; ` +
        "set it in the HR export, or set requireEndDate: false if open-ended contracts are allowed.");
    }
    if (!allowPrivileged) {
      for (const grant of privilegedGrants(props)) {
        reportViolation(
          `${who(props)} is a contractor and must not hold privileged role(s) ${grant.roleIds.map((r) => `'${r}'`).join(", ")} in ${app}; remove them or set allowPrivileged.`,
        );
      }
    }
  },
};
