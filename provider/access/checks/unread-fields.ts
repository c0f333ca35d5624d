import type { Issue } from "../../errors";
import type { HrField } from "../../hr";
import { AccessCode, accessIssue } from "../errors";
import type { RuleDef } from "../roles/role-model";

/**
 * Rules that decide on a person's employment type when the HR export has no column for it: the reader then takes
 * everyone for an employee, so a contractor rule silently matches nobody and an employee rule everybody. One
 * warning per such rule, at the rule; nothing when the export has the column or no rule looks at the type.
 * @param fields the canonical fields the export's header provides (`readHrExport`'s `fields`).
 */
export function employmentTypeUnread(rules: readonly RuleDef[], fields: readonly HrField[]): Issue[] {
  if (fields.includes("employmentType")) return [];
  return rules
    .filter((rule) => rule.employmentTypes !== undefined || rule.match?.employmentType !== undefined)
    .map((rule) =>
      accessIssue(
        "warning",
        AccessCode.ruleFieldUnread,
        `rule '${rule.id}' decides by employment type, but the HR export has no employment type column: everyone ` +
          "is read as an employee, so contractors and interns get employees' roles",
        "Add the HR system's employment type (worker type) column to the export, or name it with identity:hr " +
          'mapping: { employmentType: "<header>" }.',
        rule.source,
      ),
    );
}
