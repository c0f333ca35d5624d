import { describe, expect, it } from "vitest";
import type { AccessPlan } from "../../provider/access";
import type { Person } from "../../provider/hr";
import { eligibility, subjectsOf } from "../../provider/sspr";

const person = (id: string, extra: Partial<Person> = {}): Person => ({
  employeeId: id,
  firstName: "Ada",
  lastName: "Lovelace",
  displayName: "Ada Lovelace",
  workEmail: `${id.toLowerCase()}@example.com`,
  personalEmail: `${id.toLowerCase()}@home.example`,
  employmentType: "employee",
  status: "active",
  roles: [],
  source: { file: "people.csv", row: 2 },
  ...extra,
});

const plan = (entries: [string, AccessPlan["people"][number]["lifecycle"], string?][]): AccessPlan => ({
  asOf: "2026-12-02",
  groups: [],
  issues: [],
  people: entries.map(([employeeId, lifecycle, userName]) => ({
    employeeId,
    displayName: employeeId,
    lifecycle,
    employmentType: "employee",
    roles: [],
    accounts: userName ? [{ app: "ldap", spec: { userName, email: `${userName}@example.com` } as never }] : [],
  })),
});

describe("subjects from the stack plan", () => {
  it("takes names and the recovery address from HR, lifecycle and username from the plan, kill switch from overrides", () => {
    const subjects = subjectsOf(
      [person("E1", { preferredName: "Addie" }), person("E2"), person("E3")],
      plan([
        ["E1", "active", "ada.l"],
        ["E2", "active", "ada.l2"],
        ["E3", "terminated"],
      ]),
      ["E2"],
    );
    expect(subjects[0]).toMatchObject({
      employeeId: "E1",
      firstName: "Addie",
      userName: "ada.l",
      recoveryEmail: "e1@home.example",
      lifecycle: "active",
      killSwitched: false,
    });
    expect(subjects.map((s) => eligibility(s))).toEqual([
      { ok: true },
      { ok: false, refusal: "kill-switch" },
      { ok: false, refusal: "not-active" },
    ]);
  });

  it("treats a person missing from the plan as out of the program", () => {
    const [subject] = subjectsOf([person("E9", { personalEmail: undefined })], plan([]), []);
    expect(subject).toMatchObject({ lifecycle: "removed", userName: "e9", recoveryEmail: undefined });
    expect(eligibility(subject)).toEqual({ ok: false, refusal: "not-active" });
  });
});
