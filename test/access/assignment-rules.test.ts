import { describe, expect, it } from "vitest";
import type { Person } from "../../provider/hr/person";
import { codes, person, plan } from "./people";

const roles = `roles:
  - { id: base, entitlements: { slack: { groups: [all] } } }
  - { id: target, entitlements: { google: { groups: [target] } } }
`;

/** Who holds `target` under one rule, among a small org: E1 CEO ← E2 VP Sales ← E3 AE ← E4 SDR; E5 elsewhere. */
const org: Person[] = [
  person("E1", { title: "CEO", department: "Executive", location: "London", costCenter: "CC-100" }),
  person("E2", { title: "VP Sales", department: "Sales", managerId: "E1", location: "New York", costCenter: "CC-200" }),
  person("E3", {
    title: "Senior Account Executive",
    department: "Sales",
    managerId: "E2",
    location: "Berlin",
    costCenter: "CC-200",
  }),
  person("E4", {
    title: "Sales Development Rep",
    department: "sales",
    managerId: "E3",
    location: "Berlin",
    employmentType: "contractor",
    endDate: "2027-01-01",
  }),
  person("E5", {
    title: "Engineer",
    department: "Engineering",
    managerId: "E1",
    location: "Berlin",
    employmentType: "intern",
    roles: ["target"],
  }),
];

const holders = (rule: string, people = org, extra = "", asOf?: string) => {
  const p = plan(people, `${roles}rules:\n${rule}${extra}`, {}, asOf);
  return {
    ids: p.people
      .filter((x) => x.roles.some((r) => r.id === "target" && r.via.some((v) => v !== "hr")))
      .map((x) => x.employeeId),
    p,
  };
};

describe("assignment rules", () => {
  it.each([
    ["birthright: everyone", "  - { id: r, birthright: true, roles: [target] }\n", ["E1", "E2", "E3", "E4", "E5"]],
    [
      "birthright by employment type",
      "  - { id: r, birthright: true, employmentTypes: [contractor, intern], roles: [target] }\n",
      ["E4", "E5"],
    ],
    [
      "department, case-insensitive",
      "  - { id: r, match: { department: Sales }, roles: [target] }\n",
      ["E2", "E3", "E4"],
    ],
    [
      "department list",
      "  - { id: r, match: { department: [Executive, Engineering] }, roles: [target] }\n",
      ["E1", "E5"],
    ],
    ["title pattern", "  - { id: r, match: { titlePattern: 'account executive$' }, roles: [target] }\n", ["E3"]],
    ["location", "  - { id: r, match: { location: Berlin }, roles: [target] }\n", ["E3", "E4", "E5"]],
    ["cost center", "  - { id: r, match: { costCenter: CC-200 }, roles: [target] }\n", ["E2", "E3"]],
    ["employment type", "  - { id: r, match: { employmentType: contractor }, roles: [target] }\n", ["E4"]],
    ["reports to, transitively", "  - { id: r, match: { reportsTo: E2 }, roles: [target] }\n", ["E3", "E4"]],
    [
      "all conditions together",
      "  - { id: r, match: { department: Sales, location: Berlin, employmentType: employee }, roles: [target] }\n",
      ["E3"],
    ],
  ])("%s", (_kind, rule, expected) => {
    const { ids, p } = holders(rule);
    expect(ids).toEqual(expected);
    expect(p.issues).toEqual([]);
  });

  it("gives explicit roles from the HR roles column", () => {
    const { p } = holders("  - { id: r, birthright: true, roles: [base] }\n");
    expect(p.people.find((x) => x.employeeId === "E5")!.roles).toEqual([
      { id: "base", via: ["rule:r"] },
      { id: "target", via: ["hr"] },
    ]);
  });

  it("reports an unknown HR role at the person's row and roles column", () => {
    const p = plan([person("E7", { roles: ["targte"] })], roles);
    expect(p.issues.map((i) => [i.code, i.file, i.row, i.column])).toEqual([
      ["ROLE_UNKNOWN", "people.csv", 7, "roles"],
    ]);
    expect(p.issues[0]!.message).toContain("did you mean 'target'?");
  });

  it.each([
    ["before it starts", "2026-05-31", false],
    ["on its first day", "2026-06-01", true],
    ["on its last day", "2026-06-30", true],
    ["the day after it expires", "2026-07-01", false],
  ])("applies a time-bound grant only while it runs: %s", (_when, asOf, held) => {
    const grant = "grants:\n  - { employeeId: E1, role: target, from: 2026-06-01, until: 2026-06-30 }\n";
    const { p } = holders("  - { id: r, birthright: true, roles: [base] }\n", [org[0]!], grant, asOf);
    const e1 = p.people[0]!;
    expect(e1.roles.some((r) => r.id === "target")).toBe(held);
    expect(e1.accounts.find((a) => a.app === "google")?.spec.endDate).toBe(held ? "2026-06-30" : undefined);
  });

  it("does not end access a rule also gives when a grant of the same role expires", () => {
    const grant = "grants:\n  - { employeeId: E1, role: target, until: 2026-06-30 }\n";
    const { p } = holders("  - { id: r, birthright: true, roles: [target] }\n", [org[0]!], grant);
    expect(p.people[0]!.roles[0]).toEqual({ id: "target", via: ["grant:2026-06-30", "rule:r"] });
    expect(p.people[0]!.accounts[0]!.spec.endDate).toBeUndefined();
  });

  it("warns about a rule that matches nobody, at its line", () => {
    const { p } = holders(
      "  - { id: ok, birthright: true, roles: [base] }\n  - { id: r, match: { department: Legal }, roles: [target] }\n",
    );
    expect(p.issues.map((i) => [i.severity, i.code, i.row])).toEqual([["warning", "RULE_MATCHES_NOBODY", 6]]);
  });

  it("reports a title pattern that is not a regular expression", () => {
    const { p } = holders("  - { id: r, match: { titlePattern: '(' }, roles: [target] }\n");
    expect(codes(p.issues)).toEqual(["RULE_INVALID"]);
  });
});
