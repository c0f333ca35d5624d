/**
 * Contractors: an end date on every contractor account, and (by default) no privileged roles.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { accountOf, privilegedGrants, who } from "./accounts";

/** Arguments of the contractor rule. */
export interface ContractorLimitsArgs {
  /** Contractors may hold privileged roles. Default: false. */
  allowPrivileged?: boolean;
}

export const contractorLimits: ResourceValidationPolicy = {
  name: "contractor-limits",
  description: "Contractor accounts carry an end date and no privileged roles.",
  enforcementLevel: "mandatory",
  configSchema: { properties: { allowPrivileged: { type: "boolean", default: false } } },
  validateResource: (args, reportViolation) => {
    const account = accountOf(args);
    if (!account || account.props.employmentType !== "contractor" || account.props.enabled === false) return;
    const { app, props } = account;
    const { allowPrivileged = false } = args.getConfig<ContractorLimitsArgs>();
    if (!props.endDate) {
      reportViolation(`${who(props)} is a contractor and must have an end date on the ${app} account; set it in the HR export.`);
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
