/**
 * The policy pack as the second line of defence, through `idlc preview --policy-pack`: a PR-like change that
 * drops a conflict from the role file and grants both payments roles to one person is rejected by the pack's
 * separation-of-duties rule (security owns its config); set to advisory, it is reported and allowed.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDay } from "../../scripts/workspace";
import { demoDir, identityProject, setPerson, type IdentityProject } from "./harness";

let p: IdentityProject;
const conflicts = [["payments-initiate", "payments-approve"]];
function policyConfig(enforcementLevel: "mandatory" | "advisory"): string {
  const file = path.join(p.dir, `policy-${enforcementLevel}.json`);
  const rule = { enforcementLevel, conflicts };
  writeFileSync(file, JSON.stringify({ "separation-of-duties": rule, "separation-of-duties-across-apps": rule }));
  return file;
}
const preview = (config: string) =>
  p.idlc(["preview", "--stack", "demo", "--policy-pack", "policies", "--policy-pack-config", config]);

beforeAll(async () => {
  p = await identityProject();
  // The "PR": the conflict disappears from the role file, the persona test that would catch it from the stack,
  // and Sam Green gets both sides of the payment run. Only the policy pack, whose config security owns, remains.
  const roles = path.join(demoDir(p), "roles.csv");
  writeFileSync(
    roles,
    readFileSync(roles, "utf8")
      .replace(/,payments-approve,no,/, ",,no,")
      .replace(/,payments-initiate,yes,yes/, ",,yes,yes"),
  );
  const stackFile = path.join(p.dir, "stacks", "Pulumi.demo.yaml");
  writeFileSync(stackFile, readFileSync(stackFile, "utf8").replace(/^ *personas: demo\/personas.yaml\n/m, ""));
  setPerson(p, "E043", { roles: "payments-submitter;payments-approver" });
  appendFileSync(
    path.join(demoDir(p), "approvals.yaml"),
    `  - { employeeId: E043, roleId: payments-approver, approver: olivia.bennett@example.com, ticket: FIN-77, date: ${demoDay("2026-11-01")} }\n`,
  );
  const validated = await p.idlc(["validate", "--stack", "demo"]);
  expect(validated.code, validated.stdout).toBe(0);
}, 300_000);
afterAll(() => p?.stop());

describe("separation of duties enforced by the policy pack at preview time", { timeout: 300_000 }, () => {
  it("rejects the change, naming the person and both roles", async () => {
    const result = await preview(policyConfig("mandatory"));
    expect(result.code).toBe(1);
    const out = `${result.stdout}${result.stderr}`;
    expect(out).toContain("separation-of-duties");
    expect(out).toContain("Sam Green (E043) must not hold both 'payments-initiate' and 'payments-approve'");
    expect(out).toMatch(/mandatory/);
  });

  it("reports but allows it when the rule is advisory (gradual enforcement)", async () => {
    const result = await preview(policyConfig("advisory"));
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    const out = `${result.stdout}${result.stderr}`;
    expect(out).toContain("Sam Green (E043) must not hold both 'payments-initiate' and 'payments-approve'");
    expect(out).toMatch(/advisory/);
  });
});
