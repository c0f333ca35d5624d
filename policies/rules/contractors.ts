/**
 * Contractors, as two rules so each has its own enforcement level: `contractor-end-date` (advisory by default: most
 * real exports list contractors without an end date, and a mandatory rule would stop the whole company's update
 * for one missing cell) and `contractor-limits` (mandatory: no privileged roles). A company that requires
 * time-bound contractor access makes the end-date rule mandatory in its policy config, and/or sets
 * `identity:hr contractorEndDate: error` so `idlc validate` stops the export before any preview.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { accountOf, privilegedGrants, who, type Account, type PolicyResourceLike } from "./accounts";

/** Arguments of the privileged-role rule. */
export interface ContractorLimitsArgs {
  /** Contractors may hold privileged roles. Default: false. */
  allowPrivileged?: boolean;
}

/** An enabled contractor's account, or undefined for anything the contractor rules do not judge. */
function enabledContractor(args: PolicyResourceLike): Account | undefined {
  const account = accountOf(args);
  if (!account || account.props.employmentType !== "contractor" || account.props.enabled === false) return undefined;
  return account;
}

export const contractorEndDate: ResourceValidationPolicy = {
  name: "contractor-end-date",
  description: "Contractor accounts carry a contract end date (time-bound access).",
  enforcementLevel: "advisory",
  validateResource: (args, reportViolation) => {
    const account = enabledContractor(args);
    if (!account || account.props.endDate) return;
    reportViolation(
      `${who(account.props)} is a contractor without an end date on the ${account.app} account: access has no end ` +
        "until HR records a contract end or termination date; set it in the HR export.",
    );
  },
};

export const contractorLimits: ResourceValidationPolicy = {
  name: "contractor-limits",
  description: "Contractor accounts hold no privileged roles.",
  enforcementLevel: "mandatory",
  configSchema: { properties: { allowPrivileged: { type: "boolean", default: false } } },
  validateResource: (args, reportViolation) => {
    const account = enabledContractor(args);
    if (!account) return;
    const { allowPrivileged = false } = args.getConfig<ContractorLimitsArgs>();
    if (allowPrivileged) return;
    for (const grant of privilegedGrants(account.props)) {
      reportViolation(
        `${who(account.props)} is a contractor and must not hold privileged role(s) ` +
          `${grant.roleIds.map((r) => `'${r}'`).join(", ")} in ${account.app}; remove them or set allowPrivileged.`,
      );
    }
  },
};
