/**
 * The synthetic org of bench/access-resolve as the demo stack's inputs: an HR export in the generic preset's
 * columns (the header of `stacks/demo/people.csv`), the demo's invariants without its personas (they name demo
 * people), no approvals (nobody here holds a role that needs one), and generated emails.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import type { Person } from "../../provider/hr/person";
import { syntheticPeople } from "../access-resolve/org";

/** HR roles of the synthetic org that the demo roles define, and who may hold them under the demo invariants. */
function demoRoles(p: Person): string[] {
  // `oncall` reaches the on-prem directory, which no contractor may (demo invariant); `admin` is no demo role.
  return p.roles.filter((r) => r === "oncall" && p.employmentType !== "contractor");
}

/**
 * The demo gives IT staff the on-prem directory whatever their contract and forbids it to contractors (an
 * invariant); its org has no IT contractors, so this one exports them in Operations.
 */
const department = (p: Person) =>
  p.department === "IT" && p.employmentType === "contractor" ? "Operations" : (p.department ?? "");

/** HR requires a contract end for contractors; theirs ends a year from today, so they keep their accounts. */
const endDate = (p: Person) =>
  p.endDate ??
  (p.employmentType === "contractor" ? new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10) : "");

function row(p: Person): string[] {
  return [
    p.employeeId,
    p.firstName,
    p.lastName,
    p.preferredName ?? "",
    p.workEmail ?? "",
    p.title ?? "",
    department(p),
    p.location ?? "",
    p.managerId ?? "",
    p.employmentType,
    p.status,
    p.hireDate ?? "",
    p.terminationDate ?? "",
    endDate(p),
    demoRoles(p).join(";"),
  ];
}

/**
 * Replaces the workspace's demo HR export, personas and approvals with an org of `count` people, and lets the
 * roles generate the email of the third of them that HR exports without one.
 */
export function writeSyntheticStack(stackDir: string, count: number): void {
  const stackFile = path.join(stackDir, "..", "Pulumi.demo.yaml");
  const config = parse(readFileSync(stackFile, "utf8")) as { config: Record<string, Record<string, unknown>> };
  config.config["identity:roles"]!.emailDomain = "example.com";
  writeFileSync(stackFile, stringify(config));
  const header = readFileSync(path.join(stackDir, "people.csv"), "utf8").split("\n")[0]!;
  // No synthetic field holds a comma or a quote, so rows need no quoting.
  const rows = syntheticPeople(count).map((p) => row(p).join(","));
  writeFileSync(path.join(stackDir, "people.csv"), `${[header, ...rows].join("\n")}\n`);
  const personas = parse(readFileSync(path.join(stackDir, "personas.yaml"), "utf8")) as Record<string, unknown>;
  writeFileSync(path.join(stackDir, "personas.yaml"), stringify({ ...personas, personas: [] }));
  writeFileSync(path.join(stackDir, "approvals.yaml"), "approvals: []\n");
}
