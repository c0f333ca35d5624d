/**
 * Manager links that an `up` sets in a second, targeted pass. No account waits for its manager's (DESIGN.md §4.11),
 * so a report applied in the same update as their manager's new account may go first, with the link left unset; applying
 * those accounts once more after the whole update sets the link then, instead of one `up` later.
 */
import { accountAppOf } from "../../provider/stack-plan/names";
import type { PlannedStep } from "./budget";

/**
 * URNs of accounts this plan creates or updates whose manager's account (same app and instance) it creates, leaving
 * out any whose own step or whose manager's create failed. (An update counts: after a crash, a report made by the
 * interrupted run may meet a manager made by this one.)
 */
export function managerLinkUrns(
  steps: ReadonlyArray<PlannedStep & { urn: string }>,
  failed: ReadonlySet<string>,
): string[] {
  const accounts = steps.filter((s) => (s.op === "create" || s.op === "update") && accountAppOf(s.type) && s.new);
  const created = new Set(accounts.filter((s) => s.op === "create").map((s) => s.urn));
  return accounts.flatMap((s) => {
    const { employeeId, managerEmployeeId } = s.new!.inputs;
    if (typeof employeeId !== "string" || typeof managerEmployeeId !== "string" || !s.urn.endsWith(employeeId))
      return [];
    const manager = s.urn.slice(0, s.urn.length - employeeId.length) + managerEmployeeId;
    return created.has(manager) && !failed.has(manager) && !failed.has(s.urn) ? [s.urn] : [];
  });
}
