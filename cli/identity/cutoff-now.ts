/**
 * A targeted cutoff now — `idlc kill`, the HR pull's leaver fast lane — of every account of `employeeIds`. A stack
 * never split runs one targeted `up`. On a split one (its base, or any one of its shards) those accounts live in
 * several shards — a person's directory accounts in one, their app accounts in their bucket's — so each shard
 * holding one runs its own targeted `up`, all at once in worker processes: naming any stack of the split disables
 * the person in every app.
 */
import { cpus } from "node:os";
import type { AccessPlan } from "../../provider/access";
import { shardsHolding } from "../../provider/shards";
import { loadStackPlan } from "../../provider/stack-plan";
import { ExitCode, UsageError } from "../exit";
import { dropPrestart } from "../prestart";
import { splitOf } from "./deployment-base";
import { pool, resultLine, runWorker } from "./deployment-workers";
import { runIdentityOperation } from "./hooks";

export interface CutoffScope {
  /** The stack the command was given. */
  stack: string;
  /** The project's directory. */
  cwd: string;
  /** The lifecycle date the people are planned as of. */
  asOf: string;
  /** The given stack's plan as of `asOf`, when the caller has read it: used when that stack is the split's base. */
  plan?: AccessPlan;
}

export async function cutoffNow(employeeIds: readonly string[], scope: CutoffScope): Promise<number> {
  const { stack, cwd, asOf } = scope;
  const split = splitOf(stack, cwd);
  if (!split) return runIdentityOperation("up", { stack, cwd, target: [...employeeIds], yes: true, engine: "local" });
  // The workers start their own programs: the one started ahead for this stack would only take a core from them.
  await dropPrestart();
  const company =
    scope.plan && stack === split.base ? scope.plan : loadStackPlan({ cwd, stack: split.base, asOf }).plan;
  const routed = shardsHolding(company, split.shards, employeeIds);
  if (routed.length === 0) {
    throw new UsageError(
      `no shard of ${split.base} (${split.shards.map((s) => s.stack).join(", ")}) holds an account of ${employeeIds.join(", ")}`,
      "Give employee ids from the HR export.",
    );
  }
  process.stderr.write(`${split.base} is split: cutting off in ${routed.map((r) => r.stack).join(", ")} at once\n`);
  const results = await pool(routed, cpus().length, ({ stack: shard, employeeIds: ids }) =>
    runWorker(
      shard,
      ["up", "--stack", shard, ...ids.flatMap((id) => ["--target", id]), "--yes", "--engine", "local"],
      cwd,
    ),
  );
  for (const r of results) process.stderr.write(resultLine(r));
  return results.every((r) => r.code === 0) ? ExitCode.ok : ExitCode.failed;
}
