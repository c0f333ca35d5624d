import { describe, expect, it } from "vitest";
import { AccessFileError, buildCatalog, parseRoleFile, parseRolesCsv, parseRolesYaml } from "../../provider/access";
import { codes } from "./people";

const yaml = `roles:
  - id: engineer
    description: Engineers
    owner: cto@example.com
    inherits: [base]
    conflictsWith: [auditor]
    privileged: false
    entitlements:
      slack: { groups: [eng] }
      scim: [{ instance: github, groups: [eng], admin: true }, { instance: jira, license: standard }]
      ldap: { groups: [{ name: vpn, description: VPN users }] }
  - id: base
    entitlements:
      google: { license: starter }
  - id: auditor
    requiresApproval: true
    privileged: true
    entitlements:
      entra: { account: true }
`;

const csv = `id,description,owner,app,instance,groups,admin,license,inherits,conflicts_with,requires_approval,privileged
engineer,Engineers,cto@example.com,slack,,eng,,,base,auditor,no,no
engineer,,,scim,github,eng,yes,,,,,
engineer,,,scim,jira,,,standard,,,,
engineer,,,ldap,,vpn,,,,,,
base,,,google,,,,starter,,,,
auditor,,,entra,,,,,,,yes,yes
`;

const strip = (sources: ReturnType<typeof parseRolesYaml>) =>
  sources.roles.map(({ source: _s, ...r }) => ({
    ...r,
    entitlements: r.entitlements.map((e) => ({ ...e, groups: e.groups.map((g) => g.name) })),
  }));

describe("role files", () => {
  it("reads the same model from YAML and CSV", () => {
    const fromYaml = parseRolesYaml(yaml, "roles.yaml");
    const fromCsv = parseRolesCsv(csv, "roles.csv");
    expect([fromYaml.issues, fromCsv.issues]).toEqual([[], []]);
    expect(strip(fromCsv)).toEqual(strip(fromYaml));
    expect(fromCsv.roles.map((r) => [r.id, r.source.row])).toEqual([
      ["engineer", 2],
      ["base", 6],
      ["auditor", 7],
    ]);
  });

  it("points YAML problems at the line of the offending item", () => {
    const text =
      "roles:\n  - id: ok\n  - id: Bad Id\n    entitlements:\n      slak: { groups: [x] }\n  - id: third\n    entitlements:\n      slak: {}\n";
    const { roles, issues } = parseRolesYaml(text, "r.yaml");
    expect(roles.map((r) => r.id)).toEqual(["ok", "third"]);
    expect(issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ["ROLE_INVALID", 3, "id"],
      ["APP_UNKNOWN", 6, "entitlements.slak"],
    ]);
    expect(issues[1]!.message).toContain("did you mean 'slack'?");
  });

  it.each([
    ["unknown key on a role", "roles:\n  - id: a\n    owners: x\n", "ROLE_INVALID"],
    [
      "an instance outside scim",
      "roles:\n  - id: a\n    entitlements:\n      slack: { instance: x }\n",
      "ROLE_INVALID",
    ],
    ["a rule with neither birthright nor match", "rules:\n  - id: r\n    roles: [a]\n", "RULE_INVALID"],
    ["a rule with an empty match", "rules:\n  - id: r\n    match: {}\n    roles: [a]\n", "RULE_INVALID"],
    [
      "a grant ending before it starts",
      "grants:\n  - { employeeId: E1, role: a, from: 2026-02-01, until: 2026-01-01 }\n",
      "GRANT_INVALID",
    ],
  ])("reports %s", (_what, text, code) => {
    expect(codes(parseRolesYaml(text, "r.yaml").issues)).toEqual([code]);
  });

  it("reports CSV cells that disagree or are not yes/no, with row and column", () => {
    const text = "id,app,owner,admin,privileged\na,slack,x@example.com,maybe,\na,google,y@example.com,,\n";
    const { issues } = parseRolesCsv(text, "r.csv");
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, "owner"],
      [2, "admin"],
    ]);
  });

  it("throws for files that cannot be read at all", () => {
    expect(() => parseRolesYaml("roles: [\n", "r.yaml")).toThrow(AccessFileError);
    expect(() => parseRolesYaml("- a\n", "r.yaml")).toThrow(/must be a mapping/);
    expect(() => parseRolesCsv("description\nx\n", "r.csv")).toThrow(/no `id` column/);
    expect(() => parseRoleFile("", "roles.json")).toThrow(/\.csv or \.yaml/);
  });

  it("merges CSV and YAML files of one stack into one catalog", () => {
    const catalog = buildCatalog([
      parseRoleFile(yaml, "roles.yaml"),
      parseRoleFile("id,app,groups\nextra,slack,x\n", "more.csv"),
    ]);
    expect([...catalog.roles.keys()].sort()).toEqual(["auditor", "base", "engineer", "extra"]);
    expect(catalog.issues).toEqual([]);
  });
});
