/**
 * The idlc identity policies, assembled. Kept apart from `index.ts`, which starts the analyzer server as soon
 * as it is loaded, so tests can import the rules without starting anything.
 */
import type { Policies } from "@pulumi/policy";
import { oneAccountPerPersonPerApp } from "./rules/account-uniqueness";
import { contractorEndDate, contractorLimits } from "./rules/contractors";
import { deprovisioningBudget } from "./rules/deprovisioning-budget";
import { identityClosure } from "./rules/identity-closure";
import { leaversDisabled, leaveSuspended } from "./rules/lifecycle";
import { namingConventions } from "./rules/naming";
import { maxAdminsPerApp, privilegedAccessApproval } from "./rules/privileged-access";
import { separationOfDuties, separationOfDutiesAcrossApps } from "./rules/separation-of-duties";
import { timeBoundGrants } from "./rules/time-bound-grants";

export const policies: Policies = [
  separationOfDuties,
  separationOfDutiesAcrossApps,
  privilegedAccessApproval,
  maxAdminsPerApp,
  leaversDisabled,
  leaveSuspended,
  identityClosure,
  contractorEndDate,
  contractorLimits,
  timeBoundGrants,
  namingConventions,
  deprovisioningBudget,
  oneAccountPerPersonPerApp,
];
