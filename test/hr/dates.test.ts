import { describe, expect, it } from "vitest";
import { HrIssueCode, readHrExport } from "../../provider/hr";

/** Reads one hire date through a whole export, so the test covers the real path from cell to Person. */
function hire(value: string, dateFormat?: string) {
  const text = `employee_id,first_name,last_name,status,hire_date\n1,Ada,Lovelace,active,"${value}"`;
  const { people, issues } = readHrExport({ file: "x.csv", text, dateFormat });
  return issues.length ? issues[0]!.code : (people[0]!.hireDate ?? "none");
}

describe("date normalisation", () => {
  it.each<[string, string | undefined, string]>([
    ["2024-03-01", undefined, "2024-03-01"],
    ["2024-01-15T00:00:00+01:00", undefined, "2024-01-15"], // Personio: the date as written, not UTC
    ["2024-03-01-08:00", undefined, "2024-03-01"], // Workday offset suffix
    ["", undefined, "none"],
    ["0000-00-00", undefined, "none"], // BambooHR's unset date
    ["N/A", undefined, "none"],
    ["-", undefined, "none"],
    ["01.03.2024", undefined, "2024-03-01"], // dotted dates are day-first everywhere
    ["25/12/2024", undefined, "2024-12-25"], // only day-first can read it
    ["12/25/2024", undefined, "2024-12-25"], // only month-first can read it
    ["03/03/2024", undefined, "2024-03-03"], // either order gives the same day
    ["03/04/2024", undefined, HrIssueCode.dateAmbiguous],
    ["03/04/2024", "MM/dd/yyyy", "2024-03-04"],
    ["03/04/2024", "dd/MM/yyyy", "2024-04-03"],
    ["1.2.2024", "dd.MM.yyyy", "2024-02-01"],
    ["31.02.2024", "dd.MM.yyyy", HrIssueCode.dateInvalid],
    ["3/4/24", "MM/dd/yyyy", HrIssueCode.dateInvalid], // a two-digit year is not a 4-digit yyyy
    ["2024-03-01", "dd.MM.yyyy", "2024-03-01"], // ISO stays readable whatever the configured format
    ["1 Mar 2024", undefined, "2024-03-01"],
    ["Mar 1, 2024", undefined, "2024-03-01"],
    ["2023-02-29", undefined, HrIssueCode.dateInvalid],
    ["2024-02-29", undefined, "2024-02-29"],
    ["tomorrow", undefined, HrIssueCode.dateInvalid],
    ["2024-03-01 junk", undefined, HrIssueCode.dateInvalid],
  ])("%j with format %s → %s", (value, format, expected) => {
    expect(hire(value, format)).toBe(expected);
  });

  it("an unusable date format is one issue before any row is read", () => {
    const { people, issues } = readHrExport({
      file: "x.csv",
      text: "employee_id,first_name,last_name,status\n1,A,B,active",
      dateFormat: "foo",
    });
    expect(people).toEqual([]);
    expect(issues).toMatchObject([{ code: HrIssueCode.dateFormatInvalid }]);
  });
});
