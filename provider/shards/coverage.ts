/**
 * The shards of one deployment must together hold every (person, app) of the company exactly once: a gap leaves
 * people without accounts, an overlap makes two stacks fight over one account. They must also agree on one base
 * (the one source of shared settings). Every problem is collected, with the file to fix.
 */
import type { Issue } from "../errors";
import { heldKeys, type ShardMember } from "./members";

const error = (message: string, fix: string, file?: string): Issue => ({
  severity: "error",
  code: "SHARD_COVERAGE",
  message,
  fix,
  file,
});

export function checkCoverage(
  deployment: string,
  members: readonly ShardMember[],
  appKeys: readonly string[],
): Issue[] {
  if (members.length === 0) {
    return [
      error(
        `deployment ${deployment} has no shard stacks`,
        "Run `idlc shards plan --stack BASE --people-per-shard N` to write them.",
      ),
    ];
  }
  const issues: Issue[] = [];
  const bases = new Set(members.map((m) => m.shard.base));
  if (bases.size > 1) {
    issues.push(
      error(
        `the shards of ${deployment} name different bases (${[...bases].sort().join(", ")}): their shared settings could drift`,
        `Set identity:shard.base to the same stack in ${members.map((m) => m.file).join(", ")}.`,
      ),
    );
  }
  for (const m of members) {
    const unknown = (m.shard.apps ?? []).filter((a) => heldKeys({ apps: [a] }, appKeys).length === 0);
    if (unknown.length) {
      issues.push(
        error(
          `${m.stack} holds ${unknown.join(", ")}, which the base stack ${m.shard.base} does not list in identity:apps`,
          "Remove the app from identity:shard.apps, or add it to the base stack's identity:apps.",
          m.file,
        ),
      );
    }
  }
  for (const key of appKeys)
    issues.push(
      ...coverageOf(
        key,
        members.filter((m) => heldKeys(m.shard, [key]).length > 0),
      ),
    );
  return issues;
}

function coverageOf(key: string, holders: readonly ShardMember[]): Issue[] {
  const names = holders.map((m) => m.stack).join(", ");
  const fix = `Give each person's ${key} account exactly one shard: one shard without a bucket, or shards with the same buckets and each bucket once.`;
  if (holders.length === 0) return [error(`no shard holds ${key}: its accounts would have no stack`, fix)];
  const unbucketed = holders.filter((m) => m.shard.buckets === undefined);
  if (unbucketed.length > 0) {
    return holders.length === 1
      ? []
      : [error(`${key} is held by ${names} for the same people`, fix, unbucketed[0]!.file)];
  }
  const counts = new Set(holders.map((m) => m.shard.buckets));
  if (counts.size > 1)
    return [error(`${key} is split by different bucket counts (${[...counts].join(", ")}) in ${names}`, fix)];
  const buckets = [...counts][0]!;
  const issues: Issue[] = [];
  for (let b = 0; b < buckets; b++) {
    const owners = holders.filter((m) => m.shard.bucket === b);
    if (owners.length === 0) issues.push(error(`no shard holds ${key} for people bucket ${b} of ${buckets}`, fix));
    if (owners.length > 1)
      issues.push(
        error(`${key} people bucket ${b} is held by ${owners.map((m) => m.stack).join(", ")}`, fix, owners[1]!.file),
      );
  }
  return issues;
}
