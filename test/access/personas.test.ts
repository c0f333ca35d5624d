import { describe, expect, it } from "vitest";
import { checkPersonas, parsePersonasYaml } from "../../provider/access";
import { codes, person, plan } from "./people";

const roles = `roles:
  - { id: base, entitlements: { slack: { groups: [all] }, google: { groups: [everyone] } } }
  - { id: sales, entitlements: { google: { groups: [sales] } } }
  - { id: initiate, entitlements: { entra: { groups: [initiate] } } }
  - { id: approve, entitlements: { entra: { groups: [approve] } } }
  - { id: root, entitlements: { google: { admin: true } } }
rules:
  - { id: all, birthright: true, roles: [base] }
  - { id: sales, match: { department: Sales }, roles: [sales] }
`;
const people = [
  person("E1", { department: "Sales", title: "Account Executive", location: "Berlin" }),
  person("E2", { department: "Sales", title: "Account Executive", location: "Berlin", roles: ["initiate"] }),
  person("E3", { department: "Finance", roles: ["initiate", "approve"] }),
  person("E4", { department: "Finance", roles: ["initiate", "approve"], status: "terminated" }),
  person("E5", { department: "Finance", roles: ["root"] }),
];
const thePlan = plan(people, roles);
const check = (yaml: string) => checkPersonas(thePlan, parsePersonasYaml(yaml, "personas.yaml"));

describe("checkPersonas", () => {
  it("passes when everyone matching has exactly the expected apps and groups", () => {
    expect(
      check(`personas:
  - name: Sales AE in Berlin
    match: { department: sales, title: Account Executive, location: Berlin, employeeId: E1 }
    expect: { apps: [slack, google], groups: { google: [sales, everyone], slack: [all] }, includesRoles: [sales], admin: false }
`),
    ).toEqual([]);
  });

  it.each([
    [
      "an extra app",
      "apps: [slack, google]",
      "E2 (Alex PersonE2) has apps [entra, google, slack], expected [google, slack]",
    ],
    [
      "a missing group",
      "groups: { google: [everyone, sales, crm] }",
      "has google groups [everyone, sales], expected [crm, everyone, sales]",
    ],
    ["a missing role", "includesRoles: [sales, crm]", "lacks roles [crm]"],
    ["an unexpected admin right", "admin: true", "is admin nowhere, expected admin"],
  ])("fails on %s, naming the person and the difference", (_what, expectation, message) => {
    const issues = check(`personas:\n  - name: AE\n    match: { department: Sales }\n    expect: { ${expectation} }\n`);
    expect(issues.map((i) => [i.severity, i.code, i.file, i.row])).toEqual([
      ["error", "PERSONA_FAILED", "personas.yaml", 2],
    ]);
    expect(issues[0]!.message).toContain(message);
  });

  it("warns about a persona that matches nobody, since it tests nothing", () => {
    const issues = check("personas:\n  - { name: Legal, match: { department: Legal }, expect: { apps: [] } }\n");
    expect(issues.map((i) => [i.severity, i.code])).toEqual([["warning", "PERSONA_FAILED"]]);
  });

  it.each([
    [
      "nobody in Finance holds initiate and approve",
      "{ department: Finance }",
      "{ allRoles: [initiate, approve] }",
      ["E3 (Alex PersonE3) holds initiate and approve", "E4"],
    ],
    [
      "only active people, when the invariant says so",
      "{ department: Finance, lifecycle: [active] }",
      "{ allRoles: [initiate, approve] }",
      ["E3"],
    ],
    [
      "nobody in Sales has entra",
      "{ department: Sales }",
      "{ apps: [entra] }",
      ["E2 (Alex PersonE2) has an account in entra"],
    ],
    ["nobody holds root", "{}", "{ anyRole: [root] }", ["E5 (Alex PersonE5) holds root"]],
    [
      "nobody in Finance is admin",
      "{ department: Finance }",
      "{ admin: true }",
      ["E5 (Alex PersonE5) is admin in google"],
    ],
  ])("fails invariant '%s' for each violator", (name, match, never, expected) => {
    const issues = check(`invariants:\n  - name: ${name}\n    match: ${match}\n    never: ${never}\n`);
    expect(codes(issues)).toEqual(["PERSONA_FAILED"]);
    for (const part of expected) expect(issues[0]!.message).toContain(part);
    if (expected.length === 1) expect(issues[0]!.message.split(";").length).toBe(1);
  });

  it("caps the people named in one message", () => {
    const many = plan(
      Array.from({ length: 9 }, (_, i) => person(`E${i + 1}`, { roles: ["root"] })),
      roles,
    );
    const [issue] = checkPersonas(
      many,
      parsePersonasYaml("invariants:\n  - { name: no root, never: { anyRole: [root] } }\n", "p.yaml"),
    );
    expect(issue!.message).toMatch(/E5 .*; and 4 more$/);
  });

  it("returns the personas file's own problems with their lines", () => {
    const issues = check(
      "personas:\n  - name: x\n    match: { titlePattern: '(' }\n    expect: {}\ninvariants:\n  - { name: y, never: {} }\n",
    );
    expect(issues.map((i) => [i.code, i.row])).toEqual([
      ["PERSONA_INVALID", 3],
      ["PERSONA_INVALID", 6],
    ]);
  });
});
