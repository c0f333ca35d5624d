import { describe, expect, it } from "vitest";
import {
  exportLayout,
  parseExport,
  renderExport,
  unreadableIssues,
  type PulledRecord,
} from "../../provider/hr-sources";
import { employmentTypeOf, statusOf } from "../../provider/hr-sources/vendors/vocabulary";
import type { HrField } from "../../provider/hr";

const record = (values: PulledRecord["values"], unreadable: HrField[] = []): PulledRecord => ({ values, unreadable });
const supplied = new Set<HrField>(["employeeId", "firstName", "lastName", "workEmail", "status", "hireDate"]);

describe("exportLayout", () => {
  it("maps the header through preset aliases, canonical names and the mapping; unknown columns stay", () => {
    const layout = exportLayout(["Employee #", "First Name", "lastName", "Badge", "Work Email"], "bamboohr", {
      lastName: "Surname",
    });
    expect(layout.fields).toEqual(["employeeId", "firstName", "lastName", undefined, "workEmail"]);
  });
  it("a first pull (no committed file) writes every canonical field under its canonical name", () => {
    const layout = exportLayout(undefined, "hibob");
    expect(layout.header[0]).toBe("employeeId");
    expect(layout.fields).toEqual(layout.header);
  });
  it("a second column for the same field is not written twice", () => {
    expect(exportLayout(["employee_id", "id", "status"], "generic").fields).toEqual([
      "employeeId",
      undefined,
      "status",
    ]);
  });
});

describe("renderExport", () => {
  const header = "employee_id,first_name,last_name,work_email,status,hire_date,roles";
  const previous = parseExport(`${header}\nE2,Old,Name,old@example.com,active,2020-01-01,payments-approver\n`);
  const layout = exportLayout(previous[0], "generic");

  it.each([
    [
      "sorts by employee id in natural order",
      [record({ employeeId: "E10" }), record({ employeeId: "E2" }), record({ employeeId: "E1" })],
      ["E1", "E2", "E10"],
    ],
    [
      "orders ids differing only in case the same whatever the input order (a)",
      [record({ employeeId: "e1" }), record({ employeeId: "E1" })],
      ["e1", "E1"],
    ],
    [
      "orders ids differing only in case the same whatever the input order (b)",
      [record({ employeeId: "E1" }), record({ employeeId: "e1" })],
      ["e1", "E1"],
    ],
  ])("%s", (_name, records, ids) => {
    const rows = parseExport(renderExport(records, layout, previous, supplied)).slice(1);
    expect(rows.map((r) => r[0])).toEqual(ids);
  });

  it("quotes only what needs it, and keeps columns the vendor does not supply from the committed file", () => {
    const text = renderExport(
      [
        record({
          employeeId: "E2",
          firstName: "Ana, Maria",
          lastName: 'O"Neil',
          workEmail: "ana@example.com",
          status: "active",
          hireDate: "2020-01-01",
        }),
        record({ employeeId: "E3", firstName: " Lead", lastName: "Space", status: "active" }),
      ],
      layout,
      previous,
      supplied,
    );
    expect(text).toBe(
      `${header}\nE2,"Ana, Maria","O""Neil",ana@example.com,active,2020-01-01,payments-approver\n` +
        `E3," Lead",Space,,active,,\n`,
    );
  });

  it("writes dates in the stack's dateFormat when the export is not ISO", () => {
    const text = renderExport(
      [record({ employeeId: "E2", hireDate: "2026-03-04" })],
      layout,
      previous,
      supplied,
      "dd.MM.yyyy",
    );
    expect(parseExport(text)[1]![5]).toBe("04.03.2026");
  });
});

describe("unreadableIssues", () => {
  it("one blocking issue per unreadable field: the field, how many people, and the permission to grant", () => {
    const issues = unreadableIssues(
      [record({}, ["workEmail"]), record({}, ["workEmail", "department"]), record({})],
      "bamboohr",
      { workEmail: "grant email" },
      "people.csv",
    );
    expect(issues.map((i) => [i.severity, i.column, i.message, i.fix])).toEqual([
      [
        "error",
        "department",
        "bamboohr did not let the credential read department for 1 of 3 people",
        "grant the credential read access to this field, then pull again.",
      ],
      [
        "error",
        "workEmail",
        "bamboohr did not let the credential read workEmail for 2 of 3 people",
        "grant email, then pull again.",
      ],
    ]);
  });
  it("nothing when every field was readable", () => {
    expect(unreadableIssues([record({ employeeId: "E1" })], "hibob", {}, "people.csv")).toEqual([]);
  });
});

describe("vendor vocabulary", () => {
  const today = "2026-12-02";
  it.each([
    ["Active", {}, "active"],
    ["Inactive", {}, "terminated"],
    ["Terminated", {}, "terminated"],
    ["Active", { detail: "Leave of Absence" }, "leave"],
    ["Active", { hireDate: "2026-12-10" }, "pre-hire"],
    ["Employed", { hireDate: "2026-12-02" }, "active"],
    ["onboarding", {}, "pre-hire"],
    ["Garden leave", {}, "leave"],
    ["Sabbatical-ish", {}, "Sabbatical-ish"],
  ])("status %s %j → %s", (word, ctx, expected) => {
    expect(statusOf(word, { today, ...ctx })).toBe(expected);
  });
  it.each([
    ["Full-Time", "employee"],
    ["internal", "employee"],
    ["external", "contractor"],
    ["Intern", "intern"],
    ["Leave of Absence", "employee"],
    ["Seasonal", "Seasonal"],
  ])("employment %s → %s", (word, expected) => {
    expect(employmentTypeOf(word)).toBe(expected);
  });
  it("an unreadable word stays unknown", () => {
    expect(statusOf(undefined, { today })).toBeUndefined();
    expect(employmentTypeOf(undefined)).toBeUndefined();
  });
});
