import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  accessIssues,
  AccessFileError,
  checkPersonas,
  checkStackAccess,
  loadStackAccess,
  parsePersonasYaml,
  planStack,
} from "../../provider/access";
import { loadStackSettings } from "../../provider/config";
import { readHrExport } from "../../provider/hr";
import { diskFiles, readHrFile } from "../../provider/stack-files";

const stackDir = path.join(__dirname, "..", "..", "stacks");
const raw = {
  "identity:roles": {
    files: ["demo/roles.yaml", "demo/roles.csv"],
    personas: "demo/personas.yaml",
    approvals: "demo/approvals.yaml",
  },
  "identity:scim": { github: {} },
};
const lifecycle = { preHireDays: 7, retentionDays: 30 };
const hrFile = path.join(stackDir, "demo", "people.csv");
const { people, fields } = readHrExport({ file: hrFile, bytes: readHrFile(hrFile) });

describe("the demo stack's access model", () => {
  const access = loadStackAccess(raw, stackDir, diskFiles);
  const plan = planStack(people, access, lifecycle, "2026-11-25");

  it("is clean: no issue in roles, rules, approvals, and every persona and invariant holds", () => {
    expect(accessIssues(plan, access, fields)).toEqual([]);
    expect(access.personas!.personas.length + access.personas!.invariants.length).toBe(7);
  });

  it("warns at each rule that decides by employment type when the export has no such column", () => {
    const text = [
      "employee_id,first_name,last_name,work_email,department,status,hire_date",
      "E1,Ada,Lovelace,ada@acme.test,Engineering,active,2020-01-15",
    ].join("\n");
    const read = readHrExport({ file: "people.csv", text });
    expect(read.fields).not.toContain("employmentType");
    const unread = accessIssues(planStack(read.people, access, lifecycle, "2026-11-25"), access, read.fields).filter(
      (i) => i.code === "RULE_FIELD_NOT_IN_EXPORT",
    );
    expect(unread.map((i) => [i.severity, i.file, i.row])).toEqual([
      ["warning", "demo/roles.yaml", 133],
      ["warning", "demo/roles.yaml", 138],
      ["warning", "demo/roles.yaml", 149],
      ["warning", "demo/roles.yaml", 152],
    ]);
    expect(unread[1]!.message).toBe(
      "rule 'birthright-contractors' decides by employment type, but the HR export has no employment type column: " +
        "everyone is read as an employee, so contractors and interns get employees' roles",
    );
    expect(accessIssues(plan, access, fields).filter((i) => i.code === "RULE_FIELD_NOT_IN_EXPORT")).toEqual([]);
  });

  it("gives finance job roles their payment entitlements with the recorded approval", () => {
    const e040 = plan.people.find((p) => p.employeeId === "E040")!;
    expect(e040.roles.filter((r) => r.id.startsWith("payments"))).toEqual([
      { id: "payments-approve", via: ["role:payments-approver"] },
      { id: "payments-approver", via: ["hr"] },
    ]);
    expect(e040.accounts.find((a) => a.app === "entra")!.spec.approvals.map((a) => a.ticket)).toEqual(["FIN-19"]);
  });

  it("lets the expired campaign grant lapse and keeps the running audit grant", () => {
    const groups = (id: string) =>
      plan.people.find((p) => p.employeeId === id)!.accounts.find((a) => a.app === "google")!.spec.groups;
    expect(groups("E031")).not.toContain("launch-campaign");
    expect(groups("E043")).toContain("audit-2026");
  });

  it("fails the SoD invariant when HR gives one person both payment job roles", () => {
    const both = people.map((p) =>
      p.employeeId === "E041" ? { ...p, roles: ["payments-submitter", "payments-approver"] } : p,
    );
    const issues = accessIssues(planStack(both, access, lifecycle, "2026-11-25"), access, fields);
    expect(issues.map((i) => i.code).sort()).toEqual(["APPROVAL_MISSING", "PERSONA_FAILED", "SOD_CONFLICT"]);
    expect(issues.find((i) => i.code === "PERSONA_FAILED")!.message).toContain(
      "E041 (Henry Walker) holds payments-initiate and payments-approve",
    );
  });

  it("checks the demo personas against a plan that breaks one", () => {
    const personas = parsePersonasYaml(
      "personas:\n  - { name: AE London, match: { department: Sales, title: Account Executive, location: London }, expect: { apps: [slack] } }\n",
      "p.yaml",
    );
    expect(checkPersonas(plan, personas)[0]!.message).toContain(
      "E026 (Sara Ahmed) has apps [google, slack], expected [slack]",
    );
  });
});

describe("loadStackAccess", () => {
  it("finds roles, personas and approvals beside the HR export when identity:roles is not set", () => {
    const access = loadStackAccess({}, stackDir, diskFiles, "demo/people.csv");
    expect([...access.catalog.roles.keys()]).toContain("payments-approve");
    expect(access.personas?.personas.length).toBe(4);
    expect(access.approvals.length).toBe(5);
  });

  it.each([
    [{}, /identity:roles is missing/],
    [{ "identity:roles": { file: "x.yaml" } }, /identity:roles is invalid/],
    [{ "identity:roles": { files: ["demo/nope.yaml"] } }, /cannot read demo\/nope.yaml/],
    [
      { "identity:roles": { files: ["demo/roles.yaml"] }, "identity:apps": ["slack", "github"] },
      /identity:apps must list app names/,
    ],
  ])("throws a clear error for bad settings (%j)", (config, message) => {
    expect(() => loadStackAccess(config, stackDir, diskFiles)).toThrow(AccessFileError);
    expect(() => loadStackAccess(config, stackDir, diskFiles)).toThrow(message);
  });

  it("provisions only the apps the stack enables", () => {
    const access = loadStackAccess({ ...raw, "identity:apps": ["google", "slack"] }, stackDir, diskFiles);
    const plan = planStack(people, access, lifecycle, "2026-11-25");
    expect(new Set(plan.people.flatMap((p) => p.accounts.map((a) => a.app)))).toEqual(new Set(["google", "slack"]));
  });
});

describe("checkStackAccess (the hook for idlc validate)", () => {
  const stack = loadStackSettings({ cwd: stackDir, stack: "demo" });

  it("finds nothing wrong with the demo stack", () => {
    expect(checkStackAccess(people, fields, "2026-11-25", stack, diskFiles)).toEqual([]);
  });

  it("reports persona failures and role problems as issues", () => {
    const noApprovals = people.map((p) => (p.employeeId === "E061" ? { ...p, roles: ["it-admin"] } : p));
    expect(checkStackAccess(noApprovals, fields, "2026-11-25", stack, diskFiles).map((i) => [i.code, i.row])).toEqual([
      ["APPROVAL_MISSING", 38],
    ]);
  });

  it("turns an unreadable role file into one error issue instead of throwing", () => {
    const broken = { ...stack, raw: { "identity:roles": { files: ["demo/missing.yaml"] } } };
    expect(checkStackAccess(people, fields, "2026-11-25", broken, diskFiles)).toMatchObject([
      { severity: "error", code: "ACCESS_FILE_INVALID", file: "demo/missing.yaml" },
    ]);
  });
});
