/**
 * The order shards apply in, as phases run one after another (shards inside a phase run in parallel). A shard
 * waits for the shards holding the directory accounts (Entra, Google) its people's app accounts federate from,
 * and for the shard that owns the managed groups of an app it holds (`ownsGroups`): a stack cannot depend on a
 * resource in another stack, so the deployment keeps the order the single stack's `dependsOn` kept.
 */
import { ownsGroups } from "./filter";
import { appOfKey, heldKeys, type ShardMember } from "./members";

function peopleOverlap(a: ShardMember, b: ShardMember): boolean {
  const [x, y] = [a.shard, b.shard];
  return !(x.buckets !== undefined && x.buckets === y.buckets && x.bucket !== y.bucket);
}

function waitsFor(
  s: ShardMember,
  t: ShardMember,
  appKeys: readonly string[],
  isDirectory: (app: string) => boolean,
): boolean {
  if (s === t) return false;
  const [mine, theirs] = [heldKeys(s.shard, appKeys), heldKeys(t.shard, appKeys)];
  const federates =
    mine.some((k) => !isDirectory(appOfKey(k))) && theirs.some((k) => isDirectory(appOfKey(k))) && peopleOverlap(s, t);
  const groups = !ownsGroups(s.shard) && ownsGroups(t.shard) && mine.some((k) => theirs.includes(k));
  return federates || groups;
}

/**
 * Phases of stack names. A cycle (possible only with shards mixing directory and other apps across different
 * bucket counts) puts the rest in one last phase: each account's own provider still converges on the next run.
 */
export function applyPhases(
  members: readonly ShardMember[],
  appKeys: readonly string[],
  isDirectory: (app: string) => boolean,
): string[][] {
  const phases: string[][] = [];
  const done = new Set<ShardMember>();
  while (done.size < members.length) {
    const ready = members.filter(
      (s) => !done.has(s) && members.every((t) => done.has(t) || !waitsFor(s, t, appKeys, isDirectory)),
    );
    const phase = ready.length > 0 ? ready : members.filter((s) => !done.has(s));
    phase.forEach((s) => done.add(s));
    phases.push(phase.map((s) => s.stack).sort());
  }
  return phases;
}
