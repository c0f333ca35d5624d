import type { AccessPlan, JmlDiff, RoleDef } from "../access";
import { appOwners, type Owners } from "./owners";

/** Someone whose review a change needs, and why: `role sales`, `role definition sales`, `app slack`. */
export interface Reviewer {
  owner: string;
  reasons: string[];
}

export interface ReviewInputs {
  diff: JmlDiff;
  before: AccessPlan;
  after: AccessPlan;
  /** Role definitions on each side, so a role's removal still reaches its owner. */
  rolesBefore: ReadonlyMap<string, RoleDef>;
  rolesAfter: ReadonlyMap<string, RoleDef>;
  owners: Owners;
}

/**
 * The owners a change touches: of every role a changed person gains, loses, starts or leaves with, of every role
 * whose definition changed, and of every app where an account or entitlement changes. Sorted by owner.
 */
export function reviewersFor(input: ReviewInputs): Reviewer[] {
  const reasons = new Map<string, Set<string>>();
  const add = (owners: readonly string[], reason: string) => {
    for (const owner of owners)
      if (owner.trim()) (reasons.get(owner) ?? reasons.set(owner, new Set()).get(owner)!).add(reason);
  };
  const ownerOf = (id: string) => input.rolesAfter.get(id)?.owner ?? input.rolesBefore.get(id)?.owner ?? "";
  for (const id of changedDefinitions(input.rolesBefore, input.rolesAfter)) add([ownerOf(id)], `role definition ${id}`);
  for (const id of rolesTouched(input)) add([ownerOf(id)], `role ${id}`);
  for (const app of appsTouched(input.diff)) add(appOwners(input.owners, app), `app ${app}`);
  return [...reasons.keys()].sort().map((owner) => ({ owner, reasons: [...reasons.get(owner)!].sort() }));
}

/** Roles added, removed, or defined differently (anything but where they are written). */
function changedDefinitions(before: ReadonlyMap<string, RoleDef>, after: ReadonlyMap<string, RoleDef>): string[] {
  const shape = (role: RoleDef | undefined) => {
    if (!role) return "";
    const { source: _source, ...definition } = role;
    return JSON.stringify(definition);
  };
  return [...new Set([...before.keys(), ...after.keys()])].filter(
    (id) => shape(before.get(id)) !== shape(after.get(id)),
  );
}

/** Joiners and rehires: every role they hold; leavers: every role they held; movers: the roles that differ. */
function rolesTouched({ diff, before, after }: ReviewInputs): Set<string> {
  const held = (plan: AccessPlan) => new Map(plan.people.map((p) => [p.employeeId, new Set(p.roles.map((r) => r.id))]));
  const [was, is] = [held(before), held(after)];
  const touched = new Set<string>();
  const addAll = (roles: Iterable<string> | undefined) => [...(roles ?? [])].forEach((r) => touched.add(r));
  for (const p of [...diff.joiners, ...diff.rehires]) addAll(is.get(p.employeeId));
  for (const p of diff.leavers) addAll(was.get(p.employeeId));
  for (const p of diff.movers) {
    const [b, a] = [was.get(p.employeeId) ?? new Set<string>(), is.get(p.employeeId) ?? new Set<string>()];
    addAll([...a].filter((r) => !b.has(r)));
    addAll([...b].filter((r) => !a.has(r)));
  }
  return touched;
}

/** App keys (`slack`, `scim:github`) where some account or entitlement changes. */
function appsTouched(diff: JmlDiff): Set<string> {
  const apps = new Set<string>();
  const keys = (...lists: Array<Record<string, unknown> | string[]>) =>
    lists.forEach((l) => (Array.isArray(l) ? l : Object.keys(l)).forEach((k) => apps.add(k)));
  for (const j of diff.joiners) keys(j.access);
  for (const m of diff.movers) keys(m.gained, m.lost, m.suspended, m.resumed);
  for (const l of diff.leavers) keys(l.disabled, l.deleted, l.lost);
  for (const r of diff.rehires) keys(r.reenabled, r.created, r.gained, r.lost);
  return apps;
}
