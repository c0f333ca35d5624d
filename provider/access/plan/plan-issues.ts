import type { Issue } from "../../errors";
import type { AppName } from "../account-spec";
import type { ApprovalDef } from "../checks/approvals";
import { AccessCode, accessIssue } from "../errors";
import type { Catalog } from "../roles/role-catalog";
import { didYouMean } from "../roles/role-model";

/** Entitlements the stack cannot provision: apps it does not enable (warning) and unknown SCIM instances (error). */
export function appCoverageIssues(
  catalog: Catalog,
  apps: ReadonlySet<AppName>,
  scimInstances: readonly string[] | undefined,
): Issue[] {
  const issues: Issue[] = [];
  const warned = new Set<string>();
  for (const role of catalog.roles.values()) {
    for (const e of role.entitlements) {
      if (!apps.has(e.app)) {
        if (warned.has(e.app)) continue;
        warned.add(e.app);
        issues.push(
          accessIssue(
            "warning",
            AccessCode.appNotEnabled,
            `role '${role.id}' grants access in ${e.app}, which this stack does not enable; it is left out`,
            `add ${e.app} to identity:apps, or remove its entitlements`,
            { ...role.source, column: `entitlements.${e.app}` },
          ),
        );
      } else if (
        e.app === "scim" &&
        scimInstances &&
        (e.instance === undefined || !scimInstances.includes(e.instance))
      ) {
        const name = e.instance ?? "(none)";
        issues.push(
          accessIssue(
            "error",
            AccessCode.appUnknown,
            `role '${role.id}' grants access in SCIM instance '${name}', which is not configured${didYouMean(name, scimInstances)}`,
            `name one of ${scimInstances.join(", ") || "the instances under identity:scim"}`,
            { ...role.source, column: "entitlements.scim.instance" },
          ),
        );
      }
    }
  }
  return issues;
}

/** Issues in one stable order (file, row, code, message), duplicates dropped: part of the byte-identical plan. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  const keyOf = (i: Issue) =>
    [i.file ?? "", String(i.row ?? 0).padStart(9, "0"), i.column ?? "", i.code, i.message].join("\0");
  const unique = new Map(issues.map((i) => [keyOf(i), i]));
  return [...unique.keys()].sort().map((k) => unique.get(k)!);
}

/** Approvals that can never apply: of an unknown role, or of someone not in the HR export. */
export function approvalIssues(
  approvals: readonly ApprovalDef[],
  catalog: Catalog,
  employeeIds: ReadonlySet<string>,
): Issue[] {
  const known = [...catalog.roles.keys()];
  return approvals.flatMap((a) => {
    if (!catalog.roles.has(a.roleId)) {
      return [
        accessIssue(
          "warning",
          AccessCode.approvalInvalid,
          `approval ${a.ticket} is for unknown role '${a.roleId}'${didYouMean(a.roleId, known)}`,
          "correct the role id or remove the approval",
          { ...a.source, column: "roleId" },
        ),
      ];
    }
    if (!employeeIds.has(a.employeeId)) {
      return [
        accessIssue(
          "warning",
          AccessCode.approvalInvalid,
          `approval ${a.ticket} is for ${a.employeeId}, who is not in the HR export`,
          "correct the employee id or remove the approval",
          { ...a.source, column: "employeeId" },
        ),
      ];
    }
    return [];
  });
}
