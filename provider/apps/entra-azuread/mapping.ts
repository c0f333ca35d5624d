/**
 * Pure mappers from the plan's specs to `@pulumi/azuread` arguments. Password and manager are left to
 * `resources.ts`: they come from other resources and secrets, not from the spec.
 */
import type * as azuread from "@pulumi/azuread";
import type { AccountSpec, GroupSpec } from "../../access/account-spec";
import { upnOf } from "../entra/account-mapping";
import type { AzureadSettings } from "./settings";

export type UserFields = Omit<azuread.UserArgs, "password" | "managerId">;

/**
 * The user as the spec says, named the way graph mode names it (same UPN rule), so a stack can move between
 * modes by importing users instead of recreating them. Absent optional fields stay absent: the provider then
 * clears them in Entra, which is what a removed title or department means.
 */
export function userArgs(
  spec: AccountSpec,
  settings: Pick<AzureadSettings, "domain" | "companyName" | "forcePasswordChange">,
): UserFields {
  const userPrincipalName = upnOf(spec, settings.domain);
  return {
    userPrincipalName,
    displayName: spec.displayName,
    mailNickname: userPrincipalName.split("@")[0],
    givenName: spec.givenName || undefined,
    surname: spec.familyName || undefined,
    // false from the termination date on: the user cannot sign in but keeps its object until retention ends.
    accountEnabled: spec.enabled,
    employeeId: spec.employeeId,
    employeeType: spec.employmentType,
    jobTitle: spec.title,
    department: spec.department,
    costCenter: spec.costCenter,
    officeLocation: spec.location,
    companyName: settings.companyName,
    forcePasswordChange: settings.forcePasswordChange,
  };
}

/**
 * A managed security group. No `members`, ever: memberships are `GroupMember` resources, and the two must not
 * meet on one group (the provider would remove members). `mailNickname` is left to Entra because it forces a
 * replacement when it changes, and an imported graph-mode group keeps the one it has. `preventDuplicateNames`
 * turns a same-named existing group into an error (import it) instead of a silent second group.
 */
export function groupArgs(spec: GroupSpec): azuread.GroupArgs {
  return {
    displayName: spec.displayName,
    description: spec.description,
    securityEnabled: true,
    mailEnabled: false,
    preventDuplicateNames: true,
  };
}
