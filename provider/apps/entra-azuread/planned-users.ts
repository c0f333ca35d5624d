/**
 * Hands out a user's object id before the user is declared. The identity stack declares people in plan order,
 * so a report can come before their manager; `managerId` then waits on the manager's `User`, which the stack is
 * certain to declare because the manager has an Entra account in the same plan. A wait that could never end
 * (a manager loop) would hang the program, so loops are refused up front.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as azuread from "@pulumi/azuread";
import type { AccessPlan } from "../../access";
import { AzureadPlanError } from "./errors";

interface Slot {
  user: Promise<azuread.User>;
  declare(user: azuread.User): void;
  declared: boolean;
}

export class PlannedUsers {
  private readonly slots = new Map<string, Slot>();
  private readonly managers = new Map<string, string>();

  constructor(plan: AccessPlan) {
    for (const person of plan.people) {
      const entra = person.accounts.find((a) => a.app === "entra");
      if (!entra) continue;
      let declare!: (user: azuread.User) => void;
      const user = new Promise<azuread.User>((resolve) => (declare = resolve));
      this.slots.set(person.employeeId, { user, declare, declared: false });
      // HR exports often list the top of the org as their own manager: that is no manager, not a loop.
      if (entra.spec.managerEmployeeId && entra.spec.managerEmployeeId !== person.employeeId)
        this.managers.set(person.employeeId, entra.spec.managerEmployeeId);
    }
    this.refuseLoops();
  }

  /** Records the user of `employeeId` and releases everyone waiting for it as their manager. */
  declare(employeeId: string, user: azuread.User): void {
    const slot = this.slots.get(employeeId);
    if (!slot || slot.declared) {
      throw new AzureadPlanError(
        `entra/${employeeId} is ${slot ? "declared twice" : "not in the access plan azuread mode was built with"}`,
        "Build azureadResources with the same plan the identity stack declares.",
        employeeId,
      );
    }
    slot.declared = true;
    slot.declare(user);
  }

  /** The manager's object id (carrying the dependency on its `User`), or undefined when the manager has no Entra account here. */
  managerId(employeeId: string): pulumi.Output<string> | undefined {
    const manager = this.managers.get(employeeId);
    const slot = manager === undefined ? undefined : this.slots.get(manager);
    return slot && pulumi.output(slot.user).apply((user) => user.objectId);
  }

  private refuseLoops(): void {
    for (const start of this.managers.keys()) {
      const seen = new Set<string>([start]);
      for (let id = this.managers.get(start); id !== undefined && this.slots.has(id); id = this.managers.get(id)) {
        if (id === start) {
          throw new AzureadPlanError(
            `the managers of ${[...seen].join(" → ")} form a loop`,
            "Fix the manager column of the HR export so that no one is, directly or indirectly, their own manager.",
            start,
          );
        }
        if (seen.has(id)) break; // a loop above `start`, reported when its own members are checked
        seen.add(id);
      }
    }
  }
}
