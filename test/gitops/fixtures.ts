/** Shared builders for the gitops tests: engine-shaped URNs and steps, and big synthetic diffs. */
import type { JmlDiff, Mover } from "../../provider/access";
import type { PolicyResult, ResourceStep } from "../../provider/gitops";

export const urn = (
  name: string,
  type = `${name.split("/")[0] === "scim:github" ? "Scim" : cap(name.split("/")[0]!)}Account`,
) => `urn:pulumi:demo::identity::idlc:index:IdentityStack$pulumi-nodejs:dynamic/idlc:${type}::${name}`;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const step = (op: string, name: string, diffs?: string[]): ResourceStep => {
  const u = urn(name);
  return { op, urn: u, type: u.split("::")[2]!.split("$").pop()!, ...(diffs ? { diffs } : {}) };
};

export const violation = (
  policyName: string,
  name: string | undefined,
  level: PolicyResult["enforcementLevel"],
  message: string,
): PolicyResult => ({
  policyPackName: "idlc-identity",
  policyName,
  enforcementLevel: level,
  message,
  ...(name ? { resourceUrn: urn(name) } : {}),
});

/** `count` movers, each losing engineering access and gaining sales access in four apps. */
export function manyMovers(count: number): JmlDiff {
  const movers: Mover[] = Array.from({ length: count }, (_, i) => ({
    employeeId: `E${String(10_000 + i)}`,
    displayName: `Person Number ${i} With A Long Name`,
    department: "Sales",
    title: "Account Executive",
    lifecycle: "active",
    changes: { department: { from: "Engineering", to: "Sales" } },
    gained: { google: ["group:sales", "group:sales-org"], slack: ["group:sales"] },
    lost: {
      google: ["group:engineering"],
      ldap: ["account", "group:engineering", "group:vpn-users"],
      "scim:github": ["account", "group:engineering"],
    },
    suspended: [],
    resumed: [],
  }));
  return { from: "2026-11-25", to: "2026-11-25", joiners: [], movers, leavers: [], rehires: [] };
}
