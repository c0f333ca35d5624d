/**
 * Privileged access: admin rights and privileged groups need a recorded approval, and each app keeps its
 * number of admins under a maximum.
 */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { accountOf, accountsOf, appKey, privilegedGrants, shiftDays, today, who, WHO } from "./accounts";

/** Arguments of the approval rule. */
export interface PrivilegedApprovalArgs {
  /** An approval older than this many days no longer counts. Default: 365. */
  maxApprovalAgeDays?: number;
  asOf?: string;
}

export const privilegedAccessApproval: ResourceValidationPolicy = {
  name: "privileged-access-approval",
  description: "Every privileged entitlement must be backed by an approval with approver, ticket and date.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      maxApprovalAgeDays: { type: "integer", minimum: 1, default: 365 },
      asOf: { type: "string" },
    },
  },
  validateResource: (args, reportViolation) => {
    const account = accountOf(args);
    if (!account || account.props.enabled === false) return;
    const { app, props } = account;
    const { maxApprovalAgeDays = 365, asOf } = args.getConfig<PrivilegedApprovalArgs>();
    const oldest = shiftDays(today(asOf), -maxApprovalAgeDays);
    const judged = new Set<string>();
    for (const grant of privilegedGrants(props)) {
      // One verdict per role, however many privileged entitlements it grants.
      for (const roleId of grant.roleIds.filter((r) => !judged.has(r) && judged.add(r))) {
        const approval = (props.approvals ?? []).find((a) => a.roleId === roleId);
        if (!approval || !approval.approver || !approval.ticket || !approval.date) {
          reportViolation(
            `${who(props)} must have an approval (approver, ticket, date) for privileged role '${roleId}' (${grant.entitlement} in ${app}); add it to the stack's approvals file or remove the role.`,
          );
        } else if (approval.date < oldest) {
          reportViolation(
            `${who(props)} must have a fresh approval for privileged role '${roleId}' in ${app}: ticket ${approval.ticket} of ${approval.date} is older than ${maxApprovalAgeDays} days; renew it.`,
          );
        }
      }
    }
  },
};

/** Arguments of the admin-count rule. */
export interface MaxAdminsArgs {
  /** Enabled admin accounts allowed per app. Default: 5. */
  maxAdminsPerApp?: number;
}

export const maxAdminsPerApp: StackValidationPolicy = {
  name: "max-admins-per-app",
  description: "Each app keeps its number of enabled admin accounts at or under the configured maximum.",
  enforcementLevel: "mandatory",
  configSchema: { properties: { maxAdminsPerApp: { type: "integer", minimum: 0, default: 5 } } },
  validateStack: (args, reportViolation) => {
    const { maxAdminsPerApp: max = 5 } = args.getConfig<MaxAdminsArgs>();
    const admins = new Map<string, string[]>();
    // Stack-level on purpose: in azuread mode admin rights are a GroupMember resource, not a User input.
    for (const account of accountsOf(args.resources, ["admin", "enabled", ...WHO])) {
      if (account.props.admin !== true || account.props.enabled === false) continue;
      const key = appKey(account);
      admins.set(key, [...(admins.get(key) ?? []), who(account.props)]);
    }
    for (const [app, people] of [...admins].sort()) {
      if (people.length > max) {
        reportViolation(
          `${app} must have at most ${max} admins but would have ${people.length} (${people.sort().join(", ")}); remove admin roles or raise maxAdminsPerApp.`,
        );
      }
    }
  },
};
