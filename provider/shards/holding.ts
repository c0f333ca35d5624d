/**
 * Which shards of a deployment hold accounts of the given people. A targeted cutoff (`idlc kill`, the leaver fast
 * lane) of a sharded company runs in each of them: a person's directory accounts and app accounts live in
 * different shards, and every one of them must be disabled.
 */
import type { AccessPlan } from "../access";
import { shardPlan, type Shard } from "./filter";

/**
 * @param plan the whole company's plan (the base stack's), so each shard's part can be cut from it
 * @returns each shard holding at least one account of `employeeIds`, with the ids it holds, in the members' order
 */
export function shardsHolding(
  plan: AccessPlan,
  members: ReadonlyArray<{ stack: string; shard: Shard }>,
  employeeIds: readonly string[],
): Array<{ stack: string; employeeIds: string[] }> {
  const wanted = new Set(employeeIds);
  const theirs: AccessPlan = { ...plan, people: plan.people.filter((p) => wanted.has(p.employeeId)), groups: [] };
  return members.flatMap(({ stack, shard }) => {
    const held = shardPlan(theirs, shard).people.flatMap((p) => (p.accounts.length > 0 ? [p.employeeId] : []));
    return held.length > 0 ? [{ stack, employeeIds: held }] : [];
  });
}
