/**
 * One account per person per app: a second account for the same employee id is how duplicates and
 * forgotten access start.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { accountsOf, appKey } from "./accounts";

export const oneAccountPerPersonPerApp: StackValidationPolicy = {
  name: "one-account-per-person-per-app",
  description: "Each person has at most one account in each app.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const seen = new Map<string, string[]>();
    for (const account of accountsOf(args.resources, ["employeeId"])) {
      if (!account.props.employeeId) continue;
      const key = `${appKey(account)}\u0000${account.props.employeeId}`;
      seen.set(key, [...(seen.get(key) ?? []), account.name]);
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
