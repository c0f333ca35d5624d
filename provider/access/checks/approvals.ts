import { z } from "zod";
import type { Issue } from "../../errors";
import { IsoDate } from "../../hr/person";
import type { Approval } from "../account-spec";
import { AccessCode, AccessFileError } from "../errors";
import { readYaml, zodIssues } from "../roles/yaml-source";

/** One recorded approval of a role for a person: who approved, under which ticket, when. */
export const ApprovalInput = z
  .object({
    employeeId: z.string().min(1),
    roleId: z.string().min(1),
    approver: z.string().min(1),
    ticket: z.string().min(1),
    date: IsoDate,
  })
  .strict();
export type ApprovalInput = z.infer<typeof ApprovalInput>;
export type ApprovalDef = ApprovalInput & { source: { file: string; row: number } };

/**
 * Reads the stack's approvals file (`approvals:` list). An approval only counts from its date on.
 * @throws AccessFileError when the text is not YAML or has no `approvals` list.
 */
export function parseApprovalsYaml(text: string, file: string): { approvals: ApprovalDef[]; issues: Issue[] } {
  const yaml = readYaml(text, file);
  const top = z
    .object({ approvals: z.array(z.unknown()) })
    .strict()
    .safeParse(yaml.data);
  if (!top.success)
    throw new AccessFileError(
      `${file} must be a mapping with an \`approvals\` list`,
      "list approvals under `approvals:`",
      { file },
    );
  const issues: Issue[] = [];
  const at = (path: ReadonlyArray<string | number>) => ({ file, row: yaml.lineOf(path) });
  const approvals = top.data.approvals.flatMap((raw, index) => {
    const parsed = ApprovalInput.safeParse(raw);
    if (parsed.success) return [{ ...parsed.data, source: at(["approvals", index]) }];
    issues.push(
      ...zodIssues(parsed.error, AccessCode.approvalInvalid, `approval #${index + 1}`, at, ["approvals", index]),
    );
    return [];
  });
  return { approvals, issues };
}

/** employee id → role id → approvals valid on `asOf`, in the shape account specs carry. */
export function approvalIndex(approvals: readonly ApprovalDef[], asOf: string): Map<string, Map<string, Approval[]>> {
  const index = new Map<string, Map<string, Approval[]>>();
  for (const a of approvals) {
    if (a.date > asOf) continue;
    const person = index.get(a.employeeId) ?? index.set(a.employeeId, new Map()).get(a.employeeId)!;
    const list = person.get(a.roleId) ?? person.set(a.roleId, []).get(a.roleId)!;
    list.push({ roleId: a.roleId, approver: a.approver, ticket: a.ticket, date: a.date });
  }
  return index;
}
