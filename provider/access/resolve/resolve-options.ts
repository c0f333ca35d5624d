import type { LifecycleState, Person } from "../../hr/person";
import type { AppName } from "../account-spec";
import type { ApprovalDef } from "../checks/approvals";

/** Everything `resolve` needs besides people, roles and the date. */
export interface ResolveOptions {
  /** Where each person stands on the plan's date: hr's `lifecycleOf(person, asOf, settings)`. */
  lifecycle: (person: Person) => LifecycleState;
  /** Apps the stack enables (`identity:apps`); entitlements in other apps are left out with a warning. Default: all. */
  apps?: readonly AppName[];
  /** SCIM instances the stack configures; when given, an entitlement naming another instance is an error. */
  scimInstances?: readonly string[];
  /** Domain of generated addresses for people without a work email in HR. */
  emailDomain?: string;
  /** Names already handed out (see `usernameLedger`); they never change. */
  usernames?: Readonly<Record<string, string>>;
  approvals?: readonly ApprovalDef[];
}
