import { describe, expect, it } from "vitest";
import { addDays, lifecycleOf, type LifecycleState, type Person } from "../../provider/hr";

const settings = { preHireDays: 7, retentionDays: 30 };
const base: Person = {
  employeeId: "E1",
  firstName: "Ada",
  lastName: "Lovelace",
  displayName: "Ada Lovelace",
  employmentType: "employee",
  status: "active",
  roles: [],
  source: { file: "people.csv", row: 2 },
};
const person = (fields: Partial<Person>): Person => ({ ...base, ...fields });

describe("lifecycleOf at every boundary day", () => {
  const joiner = person({ status: "pre-hire", hireDate: "2026-12-10" });
  it.each<[string, LifecycleState]>([
    ["2026-11-01", "not-yet"],
    ["2026-12-02", "not-yet"], // H-8
    ["2026-12-03", "pre-hire"], // H-7 = H-preHireDays: accounts prepared
    ["2026-12-09", "pre-hire"], // H-1
    ["2026-12-10", "active"], // H: the status no longer holds them back
    ["2026-12-11", "active"],
  ])("joiner hired 2026-12-10, as of %s → %s", (asOf, state) => {
    expect(lifecycleOf(joiner, asOf, settings)).toBe(state);
  });

  const leaver = person({ status: "terminated", hireDate: "2020-01-01", terminationDate: "2026-11-20" });
  it.each<[string, LifecycleState]>([
    ["2026-11-19", "terminated"], // status already says terminated: disabled early, the safe side
    ["2026-11-20", "terminated"], // T
    ["2026-12-20", "terminated"], // T+30 = T+retentionDays: last day kept
    ["2026-12-21", "removed"], // T+31
  ])("leaver terminated 2026-11-20, as of %s → %s", (asOf, state) => {
    expect(lifecycleOf(leaver, asOf, settings)).toBe(state);
  });

  const notified = person({ status: "active", hireDate: "2020-01-01", terminationDate: "2026-11-20" });
  it.each<[string, LifecycleState]>([
    ["2026-11-19", "active"], // still working on the day before
    ["2026-11-20", "terminated"], // a termination date counts even while HR still says active
    ["2026-12-21", "removed"],
  ])("active person with termination 2026-11-20, as of %s → %s", (asOf, state) => {
    expect(lifecycleOf(notified, asOf, settings)).toBe(state);
  });

  const contractor = person({ employmentType: "contractor", hireDate: "2026-01-01", endDate: "2026-06-30" });
  it.each<[string, LifecycleState]>([
    ["2026-06-29", "active"],
    ["2026-06-30", "terminated"], // the contract end works like a termination date
    ["2026-07-30", "terminated"],
    ["2026-07-31", "removed"],
  ])("contractor ending 2026-06-30, as of %s → %s", (asOf, state) => {
    expect(lifecycleOf(contractor, asOf, settings)).toBe(state);
  });

  it.each<[Partial<Person>, LifecycleState]>([
    [{ status: "leave", hireDate: "2020-01-01" }, "leave"],
    [{ status: "leave", hireDate: "2027-01-01" }, "not-yet"],
    [{ status: "pre-hire" }, "pre-hire"],
    [{ status: "terminated" }, "terminated"],
    [{ status: "active" }, "active"],
    [{ status: "active", terminationDate: "2026-12-01", endDate: "2026-11-01" }, "terminated"], // the earlier date wins
  ])("%o → %s on 2026-11-25", (fields, state) => {
    expect(lifecycleOf(person(fields), "2026-11-25", settings)).toBe(state);
  });

  it("zero-day windows: pre-hire never, terminated for exactly the termination day", () => {
    const zero = { preHireDays: 0, retentionDays: 0 };
    expect(lifecycleOf(joiner, "2026-12-09", zero)).toBe("not-yet");
    expect(lifecycleOf(leaver, "2026-11-20", zero)).toBe("terminated");
    expect(lifecycleOf(leaver, "2026-11-21", zero)).toBe("removed");
  });

  it("addDays crosses months, years and leap days in UTC", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-29", -30)).toBe("2026-02-27");
  });
});
