import { describe, expect, it } from "vitest";
import { fitPlanToApps, refusedValues } from "../../provider/access";
import { codes, person, plan } from "./people";

const everywhere = `roles:
  - id: staff
    entitlements: { google: {}, entra: {}, slack: {}, ldap: {} }
rules:
  - { id: everyone, birthright: true, roles: [staff] }
`;

const accountOf = (p: ReturnType<typeof plan>, id: string, app: string) =>
  p.people.find((x) => x.employeeId === id)!.accounts.find((a) => a.app === app)!;
const specOf = (p: ReturnType<typeof plan>, id: string, app: string) => accountOf(p, id, app).spec;

describe("fitPlanToApps", () => {
  const people = [
    person("E1", {
      firstName: "Olivia",
      lastName: "Smith, Jr.",
      displayName: "Olivia Smith, Jr.",
      workEmail: "olivia.smith@example.com",
    }),
    person("E2", { firstName: "Sam", lastName: "Lee", displayName: "@Sam 👍🏽 Lee" }),
    person("E3", { firstName: "Ann", lastName: "Doe" }),
  ];
  const planned = plan(people, everywhere);
  const fitted = fitPlanToApps(planned, people);

  it("maps a name only in the app that refuses it; the other apps keep the exact name", () => {
    expect(specOf(fitted, "E1", "google").familyName).toBe("Smith Jr.");
    for (const app of ["entra", "slack", "ldap"]) expect(specOf(fitted, "E1", app).familyName).toBe("Smith, Jr.");
    expect(specOf(fitted, "E2", "slack").displayName).toBe("Sam Lee");
    expect(specOf(fitted, "E2", "google").displayName).toBe("@Sam 👍🏽 Lee");
  });

  it("warns once per mapped value: person, app, field, both values, the HR row and column, and the fix", () => {
    const mapped = fitted.issues.filter((i) => i.code === "APP_VALUE_MAPPED");
    expect(mapped).toHaveLength(2);
    expect(mapped[0]).toMatchObject({
      severity: "warning",
      file: "people.csv",
      row: 1,
      column: "lastName",
      message: expect.stringMatching(
        /^E1 \(Olivia Smith, Jr\.\): Google name\.familyName "Smith, Jr\." is refused: it contains ',';/,
      ),
      fix: expect.stringContaining("correct lastName of E1 in the HR export"),
    });
    expect(mapped[0]).toMatchObject({
      message: expect.stringContaining(`Google gets "Smith Jr." (Google takes letters`),
    });
    expect(mapped[1]).toMatchObject({ row: 2, column: "firstName, lastName" });
    expect(mapped[1]!.message).toContain("Slack displayName");
  });

  it("leaves untouched people, accounts and the plan's other parts as the same objects", () => {
    expect(fitted.people[2]).toBe(planned.people[2]);
    expect(accountOf(fitted, "E1", "entra")).toBe(accountOf(planned, "E1", "entra"));
    expect(fitted.groups).toBe(planned.groups);
    const clean = plan([people[2]!], everywhere);
    expect(fitPlanToApps(clean, [people[2]!])).toBe(clean);
  });

  it("is stable: fitting a fitted plan changes nothing and finds nothing still refused", () => {
    expect(fitPlanToApps(fitted, people)).toBe(fitted);
    expect(refusedValues(fitted, people)).toEqual([]);
  });
});

describe("refusedValues", () => {
  it("reports a value nothing can map as an error for that person and app only, not in the plan's issues", () => {
    const people = [
      person("E7", { firstName: "🙂", lastName: "Moon", displayName: "🙂 Moon", workEmail: "moon+x@example.com" }),
      person("E8", { firstName: "Ann", lastName: "Doe" }),
    ];
    const fitted = fitPlanToApps(plan(people, everywhere), people);
    expect(codes(fitted.issues)).not.toContain("APP_VALUE_REFUSED");
    const refused = refusedValues(fitted, people);
    expect(refused.map((i) => [i.severity, i.column, i.message.split(" is refused")[0]])).toEqual([
      ["error", "firstName", 'E7 (🙂 Moon): Google name.givenName "🙂"'],
      ["error", "workEmail", 'E7 (🙂 Moon): Entra userPrincipalName (and mailNickname) "moon+x"'],
      ["error", "workEmail", 'E7 (🙂 Moon): Google primaryEmail "moon+x@example.com"'],
    ]);
    expect(refused[0]!.fix).toMatch(/everyone else's accounts go ahead/);
    // The unmappable value stays as HR has it: the app's refusal at apply time stays with E7.
    expect(specOf(fitted, "E7", "google").givenName).toBe("🙂");
  });

  it("shows the person's name safely too", () => {
    const people = [
      person("E5", { firstName: "Ali\u200f", lastName: "<b>Doe</b>", displayName: "Ali\u200f <b>Doe</b>" }),
    ];
    const [issue] = fitPlanToApps(plan(people, everywhere), people).issues;
    expect(issue!.message).toMatch(
      /^E5 \(Ali\\u\{200f\} \\u\{3c\}b\\u\{3e\}Doe\\u\{3c\}\/b\\u\{3e\}\): Google name\.givenName/,
    );
  });

  it("judges an LDAP directory by its dialect", () => {
    const people = [person("E9", { firstName: "Alexandra", lastName: "Montgomery-Smithers" })];
    const planned = plan(people, everywhere);
    expect(refusedValues(planned, people).filter((i) => i.message.includes("sAMAccountName"))).toEqual([]);
    expect(
      refusedValues(planned, people, { ldapFlavor: "ad" }).map((i) => i.message.split(" is refused")[0]),
    ).toContain('E9 (Alexandra Montgomery-Smithers): Active Directory sAMAccountName "alexandra.montgomery-smithers"');
  });
});
