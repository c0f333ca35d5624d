/**
 * What only the whole company can answer, judged once over every shard's preview: the deprovisioning budget per
 * app (a truncated export is stopped once, before any shard applies), one account per person per app and the
 * number of admins per app (the policy pack's own stack rules, run on the merged planned accounts, with the policy
 * config the shards' runs give the pack: deployment-policy.ts).
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { oneAccountPerPersonPerApp } from "../../policies/rules/account-uniqueness";
import { maxAdminsPerApp } from "../../policies/rules/privileged-access";
import { countDeprovisions, type SafetySettings } from "../../provider/safety";
import { accountsPerApp, accountSteps, judgeBudget, type PlannedStep } from "./budget";
import { ruleSetting, type PackConfig } from "./deployment-policy";

export interface ShardPreview {
  stack: string;
  /** Every step of a full preview, `same` included: the steps with an `old` side are what the state holds now. */
  steps: Array<PlannedStep & { urn: string }>;
}

export interface DeploymentVerdict {
  ok: boolean;
  problems: string[];
  /** Violations of the rules the policy config makes advisory: reported, never a reason to stop. */
  warnings: string[];
  /** Disables + deletes per shard: each shard's own gate is handed exactly its share of the approved total. */
  deprovisions: Map<string, number>;
}

const GONE = new Set(["delete", "delete-replaced", "discard", "read-discard"]);

export function judgeDeployment(
  shards: readonly ShardPreview[],
  safety: Partial<SafetySettings>,
  allow?: number,
  policy?: PackConfig,
): DeploymentVerdict {
  const steps = shards.flatMap((s) => s.steps);
  const existing = new Map<string, number>();
  // Read from the previews, not the backends: a CI judge job holds the previews' output, not every shard's state.
  const held = steps.flatMap((s) => (s.old ? [{ type: s.type, inputs: s.old.inputs }] : []));
  for (const [app, n] of accountsPerApp(held)) existing.set(app, n);
  const budget = judgeBudget(steps, existing, safety, allow);
  const resources = steps.flatMap((s) =>
    GONE.has(s.op) || !s.new ? [] : [{ type: s.type, name: s.urn.split("::").pop()!, props: s.new.inputs }],
  );
  const violations = stackViolations(resources, policy);
  const problems = [budget.message, ...violations.mandatory].filter(Boolean);
  const deprovisions = new Map(shards.map((s) => [s.stack, countOf(s.steps)]));
  return { ok: problems.length === 0, problems, warnings: violations.advisory, deprovisions };
}

/** The shard's disables + deletes, counted as its own gate counts them. */
function countOf(steps: readonly PlannedStep[]): number {
  return countDeprovisions(accountSteps(steps), new Map()).reduce((n, c) => n + c.disables + c.deletes, 0);
}

/** The pack's whole-stack rules over the deployment, each at the level and with the config `policy` gives it. */
function stackViolations(
  resources: Array<{ type: string; name: string; props: Record<string, unknown> }>,
  policy: PackConfig | undefined,
): { mandatory: string[]; advisory: string[] } {
  const rules: StackValidationPolicy[] = [oneAccountPerPersonPerApp, maxAdminsPerApp];
  const found = { mandatory: [] as string[], advisory: [] as string[] };
  for (const rule of rules) {
    const { level, config } = ruleSetting(rule, policy);
    if (level === "disabled") continue;
    const into = level === "advisory" ? found.advisory : found.mandatory;
    const args = { resources, getConfig: () => config } as unknown as Parameters<typeof rule.validateStack>[0];
    void rule.validateStack(args, (message: string) => into.push(`${rule.name}: ${message}`));
  }
  return found;
}
