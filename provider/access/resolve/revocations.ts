/**
 * Access taken away from someone who stays (a mover whose new role has no account in an app) is two-phase, like a
 * leaver (DESIGN.md §4.3): the account is disabled now and deleted `retentionDays` later. A plan has no memory, so
 * the accounts the stack holds come in from its state: one the plan no longer wants, whose person is still in the
 * program, stays — disabled, out of every group, no admin right, license or grant — and carries the day it was
 * revoked. Once retention has passed it leaves the plan, and the engine deletes a disabled account. Accounts of
 * people who left the program are not kept here: their deletion is the leaver path, and a provider refuses to
 * delete one still enabled (a truncated export stays harmless).
 */
import { addDays } from "../../hr";
import type { AccountSpec, AppName } from "../account-spec";
import { appKey } from "../roles/entitlements";
import type { AccessPlan, AccountEntry, PersonPlan } from "../plan/plan";

/** An account the stack holds today: its app and the inputs it was last declared with. */
export interface HeldAccount {
  app: AppName;
  spec: AccountSpec;
}

const keyOf = ({ app, spec }: { app: AppName; spec: AccountSpec }) => appKey(app, spec.instance);

/** The held account as it stays after its access was revoked on `revokedOn`. */
function revoked(held: AccountSpec, person: PersonPlan, revokedOn: string): AccountSpec {
  const { license: _license, endDate: _endDate, exception: _exception, ...identity } = held;
  return {
    ...identity,
    enabled: false,
    lifecycle: person.lifecycle,
    groups: [],
    admin: false,
    grants: [],
    approvals: [],
    revokedOn,
  };
}

/** `plan` plus, for every held account its person no longer gets, that account revoked (until retention ends). */
export function keepRevokedAccounts(plan: AccessPlan, held: readonly HeldAccount[], retentionDays: number): AccessPlan {
  const kept = new Map<string, AccountEntry[]>();
  const people = new Map(plan.people.map((p) => [p.employeeId, p]));
  for (const account of held) {
    const person = people.get(account.spec.employeeId);
    // Out of the program (not yet hired, or removed after retention): nothing of theirs is kept.
    if (!person || person.lifecycle === "not-yet" || person.lifecycle === "removed") continue;
    if (person.accounts.some((a) => keyOf(a) === keyOf(account))) continue;
    const revokedOn = account.spec.revokedOn ?? plan.asOf;
    if (plan.asOf > addDays(revokedOn, retentionDays)) continue;
    const list = kept.get(person.employeeId) ?? kept.set(person.employeeId, []).get(person.employeeId)!;
    list.push({ app: account.app, spec: revoked(account.spec, person, revokedOn) });
  }
  if (kept.size === 0) return plan;
  const byApp = (a: AccountEntry, b: AccountEntry) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);
  return {
    ...plan,
    people: plan.people.map((p) =>
      kept.has(p.employeeId) ? { ...p, accounts: [...p.accounts, ...kept.get(p.employeeId)!].sort(byApp) } : p,
    ),
  };
}
