/**
 * Separation of duties: no person holds two roles that conflict, on one account or across apps.
 */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { accountOf, accountsOf, rolesOf, who, WHO, type AccountProps } from "./accounts";

/** Arguments of the separation-of-duties rules. */
export interface SeparationOfDutiesArgs {
  /** Pairs of role ids no one person may hold together. Default: none. */
  conflicts?: Array<[string, string]>;
}

const configSchema = {
  properties: {
    conflicts: {
      type: "array",
      items: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 2 },
      default: [],
    },
  },
} as const;

/** The conflicting pairs found in a set of role ids, each as `[a, b]` in config order. */
export function conflictingPairs(roles: Iterable<string>, conflicts: Array<[string, string]>): Array<[string, string]> {
  const held = new Set(roles);
  return conflicts.filter(([a, b]) => held.has(a) && held.has(b));
}

function message(person: string, [a, b]: [string, string], where: string): string {
  return `${person} must not hold both '${a}' and '${b}' (${where}); remove one of the roles or record a reviewed exception.`;
}

export const separationOfDuties: ResourceValidationPolicy = {
  name: "separation-of-duties",
  description: "No account may carry two roles marked as conflicting.",
  enforcementLevel: "mandatory",
  configSchema,
  validateResource: (args, reportViolation) => {
    const account = accountOf(args);
    if (!account) return;
    const { app, props } = account;
    const { conflicts = [] } = args.getConfig<SeparationOfDutiesArgs>();
    for (const pair of conflictingPairs(rolesOf(props), conflicts))
      reportViolation(message(who(props), pair, `${app} account`));
  },
};

export const separationOfDutiesAcrossApps: StackValidationPolicy = {
  name: "separation-of-duties-across-apps",
  description: "No person may hold two conflicting roles through accounts in different apps.",
  enforcementLevel: "mandatory",
  configSchema,
  validateStack: (args, reportViolation) => {
    const { conflicts = [] } = args.getConfig<SeparationOfDutiesArgs>();
    const byPerson = new Map<string, { props: AccountProps; roles: Set<string>; apps: Set<string> }>();
    for (const { app, props } of accountsOf(args.resources, ["grants", ...WHO])) {
      if (!props.employeeId) continue;
      const entry = byPerson.get(props.employeeId) ?? { props, roles: new Set<string>(), apps: new Set<string>() };
      rolesOf(props).forEach((role) => entry.roles.add(role));
      entry.apps.add(app);
      byPerson.set(props.employeeId, entry);
    }
    for (const { props, roles, apps } of byPerson.values()) {
      for (const pair of conflictingPairs(roles, conflicts)) {
        reportViolation(message(who(props), pair, `across ${[...apps].sort().join(", ")}`));
      }
    }
  },
};
