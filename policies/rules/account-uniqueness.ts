/**
 * One account per person per app: a second account for the same employee id is how duplicates and
 * forgotten access start.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { accountApp, appKey, type AccountProps } from "./accounts";

export const oneAccountPerPersonPerApp: StackValidationPolicy = {
  name: "one-account-per-person-per-app",
  description: "Each person has at most one account in each app.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const seen = new Map<string, string[]>();
    for (const r of args.resources) {
      const props = r.props as AccountProps;
      if (!accountApp(r.type) || !props.employeeId) continue;
      const key = `${appKey(r.type, props)}\u0000${props.employeeId}`;
      seen.set(key, [...(seen.get(key) ?? []), r.name]);
    }
    for (const [key, names] of [...seen].sort()) {
      if (names.length < 2) continue;
      const [app, employeeId] = key.split("\u0000");
      reportViolation(
        `${employeeId} must have at most one ${app} account but has ${names.length} (${names.sort().join(", ")}); remove the extra resources.`,
      );
    }
  },
};
