import { createInterface } from "node:readline/promises";
import type { PlanSummary } from "../operations/types";

/** Asks on the terminal whether to apply the previewed plan (Pulumi's "Do you want to perform this update?"). */
export async function confirmPlan(plan: PlanSummary): Promise<boolean> {
  const changes = Object.entries(plan.resourceChanges)
    .filter(([op]) => op !== "same")
    .map(([op, n]) => `${n} to ${op}`);
  if (changes.length === 0) return true;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`Plan: ${changes.join(", ")}. Do you want to perform this update? [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
