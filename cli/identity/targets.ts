/**
 * `idlc up --target EMPLOYEE_ID`: a person's id becomes the URNs of every account the stack holds for them, so a
 * kill switch or a single joiner touches that person and nobody else. URNs pass through unchanged.
 */
import type { AccessPlan } from "../../provider/access";
import { accountName } from "../../provider/stack-plan/names";
import { UsageError } from "../exit";

const componentType = "idlc:index:IdentityStack";
const accountType = (app: string) => `pulumi-nodejs:dynamic/idlc:${app[0]!.toUpperCase()}${app.slice(1)}Account`;

/** The URN of one account, as the engine names it: parented to the IdentityStack component. */
export function accountUrn(stack: string, project: string, app: string, employeeId: string, instance?: string): string {
  return `urn:pulumi:${stack}::${project}::${componentType}$${accountType(app)}::${accountName(app, employeeId, instance)}`;
}

/**
 * @param known URNs already in the stack's state, so a person who has left the plan can still be targeted.
 * @throws UsageError naming every id that matches no account.
 */
export function targetUrns(
  targets: readonly string[],
  ctx: { stack: string; project: string; plan: AccessPlan; known: readonly string[] },
): string[] {
  const urns = new Set<string>();
  const unknown: string[] = [];
  for (const target of targets) {
    if (target.startsWith("urn:pulumi:")) {
      urns.add(target);
      continue;
    }
    const person = ctx.plan.people.find((p) => p.employeeId === target);
    const planned = (person?.accounts ?? []).map((a) =>
      accountUrn(ctx.stack, ctx.project, a.app, target, a.spec.instance),
    );
    const existing = ctx.known.filter(
      (urn) =>
        urn.startsWith(`urn:pulumi:${ctx.stack}::${ctx.project}::${componentType}$`) && urn.endsWith(`/${target}`),
    );
    if (planned.length + existing.length === 0) unknown.push(target);
    [...planned, ...existing].forEach((urn) => urns.add(urn));
  }
  if (unknown.length > 0) {
    throw new UsageError(
      `no account belongs to ${unknown.join(", ")} in stack ${ctx.stack}`,
      "Give employee ids from the HR export (or resource URNs).",
    );
  }
  return [...urns].sort();
}
