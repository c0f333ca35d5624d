import { z } from "zod";
import { EmploymentType, LifecycleState } from "../hr/person";

/** App names, the same everywhere: stack config keys, sandbox names, folders, type tokens (DESIGN.md §4.0). */
export const AppName = z.enum(["entra", "google", "slack", "scim", "ldap"]);
export type AppName = z.infer<typeof AppName>;

/** Which roles put an entitlement on an account: the audit trail's "why". */
export const Grant = z.object({
  /** `account`, `admin`, `group:<name>` or `license:<sku>`. */
  entitlement: z.string(),
  roleIds: z.array(z.string()),
  /** A role behind it is privileged (admin rights, privileged groups): policies require an approval. */
  privileged: z.boolean().optional(),
  /** Time-bound grant: the ISO date after which it is gone. */
  expires: z.string().optional(),
});
export type Grant = z.infer<typeof Grant>;

/** Who approved a role that requires approval (from the stack's approvals file). */
export const Approval = z.object({
  roleId: z.string(),
  approver: z.string(),
  ticket: z.string(),
  date: z.string(),
});
export type Approval = z.infer<typeof Approval>;

/**
 * What one person's account in one app should look like: the inputs of every `<App>Account` resource.
 * Providers map it to their API; policies and audit read it from state. No credential or password is here.
 */
export const AccountSpec = z.object({
  employeeId: z.string().min(1),
  /** SCIM only: the configured instance (`identity:scim.<instance>`) this account lives in. */
  instance: z.string().optional(),
  userName: z.string().min(1),
  email: z.string().min(1),
  givenName: z.string(),
  familyName: z.string(),
  displayName: z.string(),
  title: z.string().optional(),
  department: z.string().optional(),
  costCenter: z.string().optional(),
  location: z.string().optional(),
  /** The manager's employee id; each provider resolves it to its own reference (DN, id, $ref). */
  managerEmployeeId: z.string().optional(),
  employmentType: EmploymentType,
  /** Sign-in allowed. False for pre-hire, leave and terminated people. */
  enabled: z.boolean(),
  /** Why `enabled` is what it is; `terminated` also means sessions revoked and privileged groups removed. */
  lifecycle: LifecycleState,
  /** Group names in this app, sorted. */
  groups: z.array(z.string()),
  admin: z.boolean(),
  license: z.string().optional(),
  grants: z.array(Grant),
  approvals: z.array(Approval),
  /** Contract end or time-bound grant expiry that policies check, ISO date. */
  endDate: z.string().optional(),
  /** ISO date the current lifecycle state began (e.g. the termination date); the deprovisioning budget reads it. */
  lifecycleSince: z.string().optional(),
  /**
   * ISO date this app's access was taken away while the person stayed (a mover whose new role has no account
   * here): the account is kept disabled, with no groups, until `retentionDays` after it, then deleted.
   */
  revokedOn: z.string().optional(),
  /** An account that maps to no HR person (service or break-glass account) must carry an owned, expiring exception. */
  exception: z.object({ owner: z.string(), expires: z.string(), reason: z.string() }).optional(),
});
export type AccountSpec = z.infer<typeof AccountSpec>;

/** A group the stack manages in one app: the inputs of every `<App>Group` resource. */
export const GroupSpec = z.object({
  name: z.string().min(1),
  /** SCIM only: the configured instance the group lives in. */
  instance: z.string().optional(),
  displayName: z.string(),
  description: z.string().optional(),
  /** Membership in it is a privileged entitlement (policies require approval; leavers lose it at once). */
  privileged: z.boolean(),
  /** Roles that grant membership, for audit and reviewer routing. */
  roleIds: z.array(z.string()),
});
export type GroupSpec = z.infer<typeof GroupSpec>;
