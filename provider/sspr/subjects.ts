/**
 * The portal's people from a stack plan: HR names and addresses, the plan's lifecycle on the day and the
 * username it hands out, and whether a kill-switch override is in force. Pure.
 */
import type { Person } from "../hr";
import type { AccessPlan } from "../access";
import type { Subject } from "./subject";

export function subjectsOf(people: readonly Person[], plan: AccessPlan, killed: readonly string[]): Subject[] {
  const planned = new Map(plan.people.map((p) => [p.employeeId, p]));
  const kill = new Set(killed);
  return people.map((person) => {
    const entry = planned.get(person.employeeId);
    const account = entry?.accounts[0]?.spec;
    return {
      employeeId: person.employeeId,
      firstName: person.preferredName ?? person.firstName,
      lastName: person.lastName,
      displayName: person.displayName,
      userName: account?.userName ?? person.workEmail?.split("@")[0] ?? person.employeeId,
      workEmail: person.workEmail ?? account?.email,
      recoveryEmail: person.personalEmail,
      lifecycle: entry?.lifecycle ?? "removed",
      ...(person.hireDate ? { startDate: person.hireDate } : {}),
      killSwitched: kill.has(person.employeeId),
    };
  });
}
