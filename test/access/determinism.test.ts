import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCatalog, parseRolesYaml, resolve, serializePlan } from "../../provider/access";
import { EmploymentType, HrStatus, type Person } from "../../provider/hr/person";
import { byStatus, person } from "./people";

const files = [
  `roles:
  - { id: base, entitlements: { slack: { groups: [all] }, google: { groups: [everyone], license: std } } }
  - { id: eng, inherits: [base], entitlements: { scim: { instance: github, groups: [eng] }, ldap: { groups: [eng, vpn] } } }
  - { id: boss, privileged: true, entitlements: { google: { groups: [managers], admin: true } } }
rules:
  - { id: all, birthright: true, roles: [base] }
  - { id: eng, match: { department: Engineering }, roles: [eng] }
  - { id: bosses, match: { titlePattern: lead }, roles: [boss] }
`,
  `roles:
  - { id: fin, entitlements: { entra: { groups: [fin] } } }
rules:
  - { id: fin, match: { department: Finance }, roles: [fin] }
grants:
  - { employeeId: E3, role: eng, until: 2030-01-01 }
`,
];

const personArb = fc.record({
  first: fc.constantFrom("Jane", "John", "Zoë", "Li"),
  last: fc.constantFrom("Doe", "Ng", "Ström"),
  department: fc.constantFrom("Engineering", "Finance", "Sales"),
  title: fc.constantFrom("Engineer", "Team Lead", "Analyst"),
  status: fc.constantFrom(...HrStatus.options),
  employmentType: fc.constantFrom(...EmploymentType.options),
  hireDate: fc.constantFrom("2020-01-01", "2023-05-05", "2026-01-01"),
  hrEmail: fc.boolean(),
});

describe("determinism", () => {
  it("gives byte-identical JSON whatever the order of people and role files", () => {
    fc.assert(
      fc.property(fc.array(personArb, { minLength: 1, maxLength: 30 }), fc.integer(), (specs, seed) => {
        const people: Person[] = specs.map((s, i) =>
          person(`E${i + 1}`, {
            firstName: s.first,
            lastName: s.last,
            department: s.department,
            title: s.title,
            status: s.status,
            employmentType: s.employmentType,
            hireDate: s.hireDate,
            workEmail: s.hrEmail ? `${s.first}.${s.last}.${i}@example.com`.toLowerCase() : undefined,
            managerId: i > 0 ? "E1" : undefined,
          }),
        );
        const shuffled = [...people].sort(
          (a, b) => ((hash(a.employeeId) ^ seed) % 97) - ((hash(b.employeeId) ^ seed) % 97),
        );
        const run = (ps: Person[], order: string[]) =>
          serializePlan(
            resolve(
              ps,
              buildCatalog(order.map((t) => parseRolesYaml(t, `roles-${files.indexOf(t)}.yaml`))),
              { lifecycle: byStatus, emailDomain: "example.com" },
              "2026-06-01",
            ),
          );
        expect(run(shuffled, [...files].reverse())).toBe(run(people, files));
      }),
      { numRuns: 60 },
    );
  });

  it("sorts keys at every level, so the JSON does not depend on how objects were built", () => {
    const p = resolve(
      [person("E1")],
      buildCatalog([parseRolesYaml(files[0]!, "r.yaml")]),
      { lifecycle: byStatus },
      "2026-06-01",
    );
    const text = serializePlan(p);
    expect(text.endsWith("}\n")).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual(["asOf", "groups", "issues", "people"]);
    const reversed = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reversed)
        : v && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reversed(x)]),
            )
          : v;
    expect(serializePlan(reversed(p) as typeof p)).toBe(text);
    expect(serializePlan({ ...p, people: [{ ...p.people[0]!, zzz: undefined } as (typeof p.people)[number]] })).toBe(
      text,
    );
    expect(text).toBe(`${JSON.stringify(JSON.parse(text))}\n`);
  });
});

function hash(text: string): number {
  let h = 7;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}
