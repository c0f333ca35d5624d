import { describe, expect, it } from "vitest";
import { serializePlan, slug, usernameLedger } from "../../provider/access";
import type { Person } from "../../provider/hr/person";
import { codes, person, plan } from "./people";

const roles =
  "roles:\n  - { id: base, entitlements: { slack: {} } }\nrules:\n  - { id: all, birthright: true, roles: [base] }\n";
const jane = (id: string, hireDate: string, extra: Partial<Person> = {}) =>
  person(id, { firstName: "Jane", lastName: "Doe", workEmail: undefined, hireDate, ...extra });
const names = (people: Person[], options = {}) =>
  Object.fromEntries(
    plan(people, roles, options)
      .people.filter((p) => p.accounts.length)
      .map((p) => [p.employeeId, p.accounts[0]!.spec.userName]),
  );

describe("usernames", () => {
  const first = jane("E200", "2021-03-01");
  const second = jane("E100", "2025-06-01");

  it.each([
    ["first-hired Jane listed first", [first, second]],
    ["first-hired Jane listed second", [second, first]],
  ])("keeps the first-hired Jane Doe as jane.doe, whatever the file order (%s)", (_order, people) => {
    expect(names(people)).toEqual({ E200: "jane.doe", E100: "jane.doe2" });
  });

  it("never renames the existing Jane Doe when a namesake joins", () => {
    const before = names([first]);
    const after = names([jane("E300", "2026-05-01"), first]);
    expect(before).toEqual({ E200: "jane.doe" });
    expect(after).toEqual({ E200: "jane.doe", E300: "jane.doe2" });
  });

  it("breaks a tie on the same hire date by employee id", () => {
    expect(names([jane("E9", "2024-01-01"), jane("E10", "2024-01-01")])).toEqual({ E10: "jane.doe", E9: "jane.doe2" });
  });

  it("keeps ledger names even when a namesake with an earlier hire date appears (back-dated record)", () => {
    const ledger = usernameLedger(plan([second], roles));
    expect(names([second, first], { usernames: ledger })).toEqual({ E100: "jane.doe", E200: "jane.doe2" });
  });

  it("keeps a departed person's name reserved so it is never handed to someone else", () => {
    const ledger = { E999: "jane.doe" };
    expect(names([first], { usernames: ledger })).toEqual({ E200: "jane.doe2" });
  });

  it("uses the HR work email first and never generates an address HR gave someone", () => {
    const hr = person("E5", {
      firstName: "Jane",
      lastName: "Doe",
      workEmail: "jane.doe@example.com",
      hireDate: "2026-01-01",
    });
    const p = plan([first, hr], roles);
    expect(p.people.map((x) => [x.employeeId, x.accounts[0]?.spec.userName, x.accounts[0]?.spec.email])).toEqual([
      ["E200", undefined, undefined],
      ["E5", "jane.doe2", "jane.doe@example.com"],
    ]);
    expect(codes(p.issues)).toEqual(["USERNAME_TAKEN"]);
  });

  it("reports a person without a work email when no domain is configured", () => {
    const p = plan([first], roles, { emailDomain: undefined });
    expect(p.issues.map((i) => [i.code, i.column])).toEqual([["EMAIL_UNAVAILABLE", "workEmail"]]);
    expect(p.people[0]!.accounts).toEqual([]);
  });

  it.each([
    ["José", "jose"],
    ["Groß", "gross"],
    ["O'Connor", "oconnor"],
    ["Anne-Marie", "anne-marie"],
    ["Zoë Ståhl", "zoestahl"],
  ])("folds %s to %s", (input, expected) => expect(slug(input)).toBe(expected));

  it("is stable across runs: the same people give byte-identical plans", () => {
    const people = [jane("E3", "2022-01-01"), jane("E1", "2022-01-01"), jane("E2", "2020-01-01")];
    expect(serializePlan(plan(people, roles))).toBe(serializePlan(plan([...people].reverse(), roles)));
  });
});
