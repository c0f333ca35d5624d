import { reasonsOf, type DirectRoles } from "../resolve/assign";
import type { RoleHolding } from "../plan/plan";
import type { Catalog } from "./role-catalog";

/** What a set of directly given roles implies, whoever holds it; computed once per distinct set. */
export interface RoleSetFacts {
  effective: string[];
  /** Pairs of held roles that separation of duties forbids together. */
  conflicts: Array<[string, string]>;
  needApproval: string[];
}

export function roleSetFacts(directIds: readonly string[], catalog: Catalog): RoleSetFacts {
  const effective = [...new Set(directIds.flatMap((id) => catalog.closure.get(id)!))].sort();
  const held = new Set(effective);
  const conflicts: Array<[string, string]> = [];
  for (const id of effective)
    for (const other of catalog.conflicts.get(id) ?? []) if (other > id && held.has(other)) conflicts.push([id, other]);
  return { effective, conflicts, needApproval: effective.filter((id) => catalog.roles.get(id)!.requiresApproval) };
}

/** A person's roles with why they hold each: their direct reasons, plus `role:<id>` for each role that inherits it. */
export function holdings(
  effective: readonly string[],
  directIds: readonly string[],
  direct: DirectRoles,
  catalog: Catalog,
): RoleHolding[] {
  return effective.map((id) => {
    const via = new Set(reasonsOf(direct, id));
    for (const d of directIds) if (d !== id && catalog.closure.get(d)!.includes(id)) via.add(`role:${d}`);
    return { id, via: [...via].sort() };
  });
}
