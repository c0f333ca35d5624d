/**
 * `azureadResources`: the Entra entry of the identity stack's app table in azuread mode. Per person one
 * `azuread.User` (`entra/<employeeId>`) and beside it the person's whole spec as an `AzureadAccount` record of
 * the same name (what policies and audit read), per managed group one `azuread.Group` (`entra/groups/<name>`), and
 * per (group, person) one `azuread.GroupMember` (`entra/groups/<name>/members/<employeeId>`), plus
 * `entra/admins/<employeeId>` in the configured admin group. A membership the plan drops (a mover, or a leaver's
 * privileged groups) is a deleted GroupMember; a person who leaves the plan after retention takes their User and
 * memberships with them.
 */
import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
import type { AccessPlan, AccountSpec } from "../../access";
import type { AppResources } from "../../stack";
import { AzureadAccount } from "./account-record";
import { AzureadPlanError } from "./errors";
import { groupArgs, userArgs } from "./mapping";
import { initialPassword } from "./password";
import { PlannedUsers } from "./planned-users";
import type { AzureadSettings } from "./settings";

/**
 * @param settings the stack's azuread settings (`azureadConfig`), the seed as a secret program value
 * @param plan the access plan the identity stack declares: managers are wired from it
 * @throws AzureadPlanError when the plan has Entra admins but no `adminGroupId`, a manager loop, or the records
 *   would reach the engine empty
 */
export function azureadResources(settings: AzureadSettings, plan: AccessPlan): AppResources {
  refuseAdminsWithoutGroup(settings, plan);
  refuseEmptyRecords();
  const users = new PlannedUsers(plan);
  const groups = new Map<string, { name: string; group: azuread.Group }>();

  const member = (
    name: string,
    groupObjectId: pulumi.Input<string>,
    user: azuread.User,
    parent: pulumi.Resource | undefined,
  ) => new azuread.GroupMember(name, { groupObjectId, memberObjectId: user.objectId }, { parent });

  return {
    directory: true,
    group(name, spec, opts) {
      const group = new azuread.Group(name, groupArgs(spec), opts);
      groups.set(spec.name, { name, group });
      return group;
    },
    account(name, spec, opts) {
      const password = pulumi.secret(
        pulumi.output(settings.initialPasswordSeed).apply((seed) => initialPassword(seed, spec.employeeId)),
      );
      const args = { ...userArgs(spec, settings), password, managerId: users.managerId(spec.employeeId) };
      // The password only matters on create; ignoring later changes means a new seed never resets anyone.
      const user = new azuread.User(name, args, pulumi.mergeOptions(opts, { ignoreChanges: ["password"] }));
      users.declare(spec.employeeId, user);
      new AzureadAccount(name, spec, { parent: opts.parent });
      for (const groupName of spec.groups) {
        const managed = groups.get(groupName) ?? missingGroup(spec, groupName);
        member(`${managed.name}/members/${spec.employeeId}`, managed.group.objectId, user, opts.parent);
      }
      if (spec.admin) member(`entra/admins/${spec.employeeId}`, settings.adminGroupId!, user, opts.parent);
      return user;
    },
  };
}

function refuseAdminsWithoutGroup(settings: AzureadSettings, plan: AccessPlan): void {
  if (settings.adminGroupId) return;
  const admin = plan.people.find((p) => p.accounts.some((a) => a.app === "entra" && a.spec.admin));
  if (admin) {
    throw new AzureadPlanError(
      `${admin.employeeId} is an Entra admin, but identity:entra.adminGroupId is not set`,
      "Set identity:entra.adminGroupId to the object id of the role-assignable group that grants admin rights.",
      admin.employeeId,
    );
  }
}

/** With this variable set the SDK sends components without inputs: resource policies would judge empty records. */
function refuseEmptyRecords(): void {
  if (!process.env.PULUMI_NODEJS_SKIP_COMPONENT_INPUTS) return;
  throw new AzureadPlanError(
    "PULUMI_NODEJS_SKIP_COMPONENT_INPUTS is set, so the policy pack would not see the Entra accounts' specs",
    "Unset PULUMI_NODEJS_SKIP_COMPONENT_INPUTS for identity stacks in azuread mode.",
  );
}

function missingGroup(spec: AccountSpec, group: string): never {
  throw new AzureadPlanError(
    `entra/${spec.employeeId} is in group ${group}, which the plan does not manage`,
    "Declare the group in the roles files so the stack manages it.",
    spec.employeeId,
  );
}
