import { describe, expect, it } from "vitest";
import { HrIssueCode } from "../../provider/hr";
import { errorsOf, happyRows, header, readRows } from "./helpers";

/** Replaces row `index` (0-based among data rows; spreadsheet row index + 2) of the happy export. */
const withRow = (index: number, row: string) => happyRows.map((r, i) => (i === index ? row : r));

describe("validation: each problem is reported with file, row, column and a fix", () => {
  it("the happy export is clean", () => {
    expect(readRows(happyRows, { allowedDomains: ["acme.test"] }).issues).toEqual([]);
  });

  it("missing required column suggests the closest header", () => {
    const [error, ...rest] = errorsOf(readRows(happyRows, {}, header.replace("employee_id", "employe_idd")));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ code: HrIssueCode.columnMissing, file: "people.csv", row: 1, column: "employee_id" });
    expect(error!.message).toBe('missing required column "employee_id" for employeeId (did you mean "employe_idd"?)');
    expect(error!.fix).toContain('mapping: { employeeId: "employe_idd" }');
  });

  it("an explicit mapping reads a header no preset knows", () => {
    const result = readRows(
      happyRows,
      { mapping: { employeeId: "Personalnummer" } },
      header.replace("employee_id", "Personalnummer"),
    );
    expect(result.issues).toEqual([]);
    expect(result.people.map((p) => p.employeeId)).toEqual(["E1", "E2", "E3"]);
  });

  it("duplicate employee id", () => {
    const [error] = errorsOf(
      readRows([...happyRows, "E2,Alan,Other,other@acme.test,Sales,E1,employee,active,2021-02-01,,"]),
    );
    expect(error).toMatchObject({ code: HrIssueCode.idDuplicate, row: 5, column: "employee_id" });
    expect(error!.message).toBe('duplicate employee id "E2" (first on row 3)');
  });

  it("duplicate work email, compared without case", () => {
    const [error] = errorsOf(readRows([...happyRows, "E4,Al,T,ALAN@acme.test,Sales,E1,employee,active,2021-02-01,,"]));
    expect(error).toMatchObject({ code: HrIssueCode.emailDuplicate, row: 5, column: "work_email" });
    expect(error!.message).toBe('duplicate work email "alan@acme.test" (also E2 on row 3)');
  });

  it("invalid email", () => {
    const [error] = errorsOf(
      readRows(withRow(1, "E2,Alan,Turing,alan(at)acme.test,Engineering,E1,employee,active,2021-02-01,,")),
    );
    expect(error).toMatchObject({
      code: HrIssueCode.emailInvalid,
      row: 3,
      column: "work_email",
      message: 'invalid email "alan(at)acme.test"',
    });
  });

  it("email outside the allowed domains", () => {
    const [error, ...rest] = errorsOf(
      readRows(withRow(2, "E3,Grace,Hopper,grace@gmail.com,Sales,E1,contractor,active,2022-03-01,,2027-01-31"), {
        allowedDomains: ["acme.test"],
      }),
    );
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ code: HrIssueCode.emailDomain, row: 4, column: "work_email" });
    expect(error!.message).toBe('email "grace@gmail.com" is outside the allowed domains (acme.test)');
  });

  it("an unknown manager is a warning: the person is read without one", () => {
    const result = readRows(withRow(1, "E2,Alan,Turing,alan@acme.test,Engineering,E9,employee,active,2021-02-01,,"));
    expect(errorsOf(result)).toEqual([]);
    expect(result.issues).toMatchObject([{ severity: "warning", code: HrIssueCode.managerUnknown, row: 3 }]);
    expect(result.issues[0]!.message).toBe(
      'manager "E9" of E2 matches no employee id, email or name: ' +
        "read as having no manager, so reportsTo rules skip them",
    );
    expect(result.people.find((p) => p.employeeId === "E2")!.managerId).toBeUndefined();
  });

  it("manager cycle, reported once at its earliest row", () => {
    const rows = [...withRow(0, "E1,Ada,Lovelace,ada@acme.test,Engineering,E3,employee,active,2020-01-15,,")];
    rows[2] = "E3,Grace,Hopper,grace@acme.test,Sales,E2,contractor,active,2022-03-01,,2027-01-31";
    const errors = errorsOf(readRows(rows));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: HrIssueCode.managerCycle,
      row: 2,
      column: "manager_id",
      message: "manager cycle: E1 → E3 → E2 → E1",
    });
  });

  it("a person who is their own manager is a cycle", () => {
    const [error] = errorsOf(
      readRows(withRow(1, "E2,Alan,Turing,alan@acme.test,Engineering,E2,employee,active,2021-02-01,,")),
    );
    expect(error).toMatchObject({ code: HrIssueCode.managerCycle, row: 3, message: "manager cycle: E2 → E2" });
  });

  it("unknown status value", () => {
    const [error] = errorsOf(
      readRows(withRow(0, "E1,Ada,Lovelace,ada@acme.test,Engineering,,employee,retired?,2020-01-15,,")),
    );
    expect(error).toMatchObject({
      code: HrIssueCode.statusUnknown,
      row: 2,
      column: "status",
      message: 'unknown status "retired?"',
    });
  });

  it("termination before hire of someone still employed is a rehire: a warning, the old date dropped", () => {
    const rehire = "E2,Alan,Turing,alan@acme.test,Engineering,E1,employee,active,2021-02-01,2019-06-30,";
    const result = readRows(withRow(1, rehire));
    expect(errorsOf(result)).toEqual([]);
    expect(result.issues).toMatchObject([{ severity: "warning", code: HrIssueCode.terminationBeforeHire, row: 3 }]);
    expect(result.issues[0]!.message).toContain("read as a rehire, the old termination date is ignored");
    expect(result.people[1]!.terminationDate).toBeUndefined();
  });

  it("termination before hire of a terminated person", () => {
    const [error] = errorsOf(
      readRows(withRow(1, "E2,Alan,Turing,alan@acme.test,Engineering,E1,employee,terminated,2021-02-01,2021-01-31,")),
    );
    expect(error).toMatchObject({ code: HrIssueCode.terminationBeforeHire, row: 3, column: "termination_date" });
    expect(error!.message).toBe("termination date 2021-01-31 is before hire date 2021-02-01");
  });

  it("contractor without end date is a warning by default, naming them and how long access lasts", () => {
    const rows = withRow(2, "E3,Grace,Hopper,grace@acme.test,Sales,E1,contractor,active,2022-03-01,,");
    const result = readRows(rows);
    expect(errorsOf(result)).toEqual([]);
    expect(result.people.map((p) => p.employeeId)).toEqual(["E1", "E2", "E3"]);
    expect(result.issues).toMatchObject([
      { severity: "warning", code: HrIssueCode.contractorEndDate, row: 4, column: "end_date" },
    ]);
    expect(result.issues[0]!.message).toBe(
      "contractor E3 (Grace Hopper) has no contract end date: they keep the " +
        "accounts and roles this export gives them, with no end, until HR records a contract end or termination date",
    );
    expect(result.issues[0]!.fix).toContain("identity:hr contractorEndDate: error");
  });

  it("contractorEndDate: error makes a missing contract end date block", () => {
    const rows = withRow(2, "E3,Grace,Hopper,grace@acme.test,Sales,E1,contractor,active,2022-03-01,,");
    const [error, ...rest] = errorsOf(readRows(rows, { contractorEndDate: "error" }));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ code: HrIssueCode.contractorEndDate, row: 4, column: "end_date" });
    expect(errorsOf(readRows(happyRows, { contractorEndDate: "error" }))).toEqual([]); // an end date satisfies it
  });

  it("a leaver without a termination date is a warning: disabled, never deleted", () => {
    const result = readRows(
      withRow(1, "E2,Alan,Turing,alan@acme.test,Engineering,E1,employee,terminated,2021-02-01,,"),
    );
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: HrIssueCode.terminationDateMissing,
        row: 3,
        column: "termination_date",
      }),
    ]);
    expect(result.issues[0]!.message).toBe(
      "E2 is terminated without a termination date: accounts are disabled but never deleted",
    );
  });

  it("the export's own dates settle the day order of ambiguous ones, and say so", () => {
    const us = readRows([
      "E1,Ada,Lovelace,ada@acme.test,Engineering,,employee,active,03/04/2020,,",
      "E2,Alan,Turing,alan@acme.test,Engineering,E1,employee,active,01/15/2021,,",
    ]);
    expect(errorsOf(us)).toEqual([]);
    expect(us.people.map((p) => p.hireDate)).toEqual(["2020-03-04", "2021-01-15"]);
    expect(us.issues).toMatchObject([{ severity: "warning", code: HrIssueCode.dateOrderInferred, row: 3 }]);
    expect(us.issues[0]!.message).toBe(
      'dates like 03/04/2024 are read as MM/dd/yyyy: "01/15/2021" on row 3 can ' +
        "only be month-first, and no date in the export is the other way round",
    );
    const eu = readRows([
      "E1,Ada,Lovelace,ada@acme.test,Engineering,,employee,active,03/04/2020,,",
      "E2,Alan,Turing,alan@acme.test,Engineering,E1,employee,active,15/01/2021,,",
    ]);
    expect(eu.people.map((p) => p.hireDate)).toEqual(["2020-04-03", "2021-01-15"]);
  });

  it("dates proving both orders settle nothing: the ambiguous one stays an error", () => {
    const mixed = readRows([
      "E1,Ada,Lovelace,ada@acme.test,Engineering,,employee,active,03/04/2020,,",
      "E2,Alan,Turing,alan@acme.test,Engineering,E1,employee,active,01/15/2021,,",
      "E3,Grace,Hopper,grace@acme.test,Sales,E1,employee,active,15/01/2021,,",
    ]);
    expect(errorsOf(mixed).map((i) => [i.row, i.code])).toEqual([[2, HrIssueCode.dateAmbiguous]]);
  });

  it("a company's own status and employment words, from identity:hr statusWords / employmentWords", () => {
    const rows = withRow(1, "E2,Alan,Turing,alan@acme.test,Eng,E1,Werkvertrag,Notice Period,2021-02-01,,2027-01-31");
    const [unknown] = errorsOf(readRows(rows));
    expect(unknown).toMatchObject({ code: HrIssueCode.statusUnknown, row: 3 });
    expect(unknown!.fix).toContain('statusWords: { "Notice Period": active | leave | terminated | pre-hire }');
    const words = {
      statusWords: { "notice period": "active" as const },
      employmentWords: { WERKVERTRAG: "contractor" as const },
    };
    const mapped = readRows(rows, words);
    expect(mapped.issues).toEqual([]);
    expect(mapped.people[1]).toMatchObject({ status: "active", employmentType: "contractor" });
  });

  it("placeholders for an empty cell (N/A, -) are empty, except in the id, names and status", () => {
    const result = readRows(withRow(1, "E2,Alan,Null,N/A,Engineering,-,employee,active,2021-02-01,,"));
    expect(errorsOf(result)).toEqual([]);
    expect(result.people[1]).toMatchObject({ lastName: "Null", department: "Engineering" });
    expect(result.people[1]!.workEmail).toBeUndefined();
    expect(result.people[1]!.managerId).toBeUndefined();
  });

  it("unparseable date", () => {
    const [error] = errorsOf(
      readRows(withRow(0, "E1,Ada,Lovelace,ada@acme.test,Engineering,,employee,active,2020-02-30,,")),
    );
    expect(error).toMatchObject({
      code: HrIssueCode.dateInvalid,
      row: 2,
      column: "hire_date",
      message: 'hireDate "2020-02-30" is not a calendar date',
    });
  });

  it("ambiguous date without a configured format", () => {
    const [error] = errorsOf(
      readRows(withRow(0, "E1,Ada,Lovelace,ada@acme.test,Engineering,,employee,active,03/04/2020,,")),
    );
    expect(error).toMatchObject({
      code: HrIssueCode.dateAmbiguous,
      row: 2,
      column: "hire_date",
      message: 'hireDate "03/04/2020" is ambiguous: it could be day/month or month/day',
    });
    expect(error!.fix).toContain("dateFormat");
  });

  it("empty required value", () => {
    const [error] = errorsOf(
      readRows(withRow(1, "E2,,Turing,alan@acme.test,Engineering,E1,employee,active,2021-02-01,,")),
    );
    expect(error).toMatchObject({
      code: HrIssueCode.valueRequired,
      row: 3,
      column: "first_name",
      message: "firstName is empty",
    });
  });

  it("a row with an unquoted delimiter has the wrong shape", () => {
    const [error] = errorsOf(
      readRows(withRow(1, "E2,Alan,Turing,alan@acme.test,Engineering,E1,employee,active,2021-02-01,,,extra")),
    );
    expect(error).toMatchObject({
      code: HrIssueCode.rowShape,
      row: 3,
      message: "row has 12 values but the header has 11 columns",
    });
  });

  it("reports every problem at once, in row order", () => {
    const rows = [
      "E1,Ada,Lovelace,ada@acme,Engineering,,employee,active,2020-01-15,,",
      "E1,Alan,Turing,alan@acme.test,Engineering,E7,employee,gone,2021-02-01,,",
    ];
    const result = readRows(rows);
    const warnings = result.issues.filter((i) => i.severity === "warning");
    expect(warnings.map((i) => [i.row, i.code])).toEqual([[3, HrIssueCode.managerUnknown]]);
    const codes = errorsOf(result).map((i) => [i.row, i.code]);
    expect(codes).toEqual([
      [2, HrIssueCode.emailInvalid],
      [3, HrIssueCode.statusUnknown],
      [3, HrIssueCode.idDuplicate],
    ]);
  });

  it("resolves managers by email and by name, and flags a name shared by two people", () => {
    const rows = [
      "E1,Ada,Lovelace,ada@acme.test,Engineering,,employee,active,2020-01-15,,",
      "E2,Alan,Turing,alan@acme.test,Engineering,ADA@acme.test,employee,active,2021-02-01,,",
      '"E3",Grace,Hopper,grace@acme.test,Sales,"Turing, Alan",employee,active,2022-03-01,,',
      "E4,Alan,Turing,alan2@acme.test,Sales,Grace Hopper,employee,active,2022-03-01,,",
      "E5,Kay,Nygaard,kay@acme.test,Sales,Alan Turing,employee,active,2022-03-01,,",
    ];
    const result = readRows(rows);
    expect(result.people.map((p) => p.managerId)).toEqual([undefined, "E1", undefined, "E3", undefined]);
    expect(errorsOf(result)).toEqual([]);
    const skipped = ": read as having no manager, so reportsTo rules skip them";
    expect(result.issues.map((i) => [i.row, i.message])).toEqual([
      [4, `manager "Turing, Alan" of E3 matches several people${skipped}`],
      [6, `manager "Alan Turing" of E5 matches several people${skipped}`],
    ]);
  });

  it("drops invisible characters at a value's edges and reads a line break inside a cell as a space", () => {
    const zwsp = "\u200b";
    const result = readRows([
      `${zwsp}E1,Ada,${zwsp}Lovelace\u200e,ada@acme.test${zwsp},"Research\r\nand Development",,employee,active,2020-01-15,,`,
      `E2,Alan,Turing,alan@acme.test,Engineering,E1\ufeff,employee,active,2021-02-01,,`,
      // ZWJ and ZWNJ spell words in some scripts: inside a value they stay.
      `E3,Gr\u200dace,Hop\u200cper,grace@acme.test,Sales,E1,employee,active,2022-03-01,,`,
    ]);
    expect(result.issues).toEqual([]);
    const [ada, alan, grace] = result.people;
    expect(ada).toMatchObject({ employeeId: "E1", lastName: "Lovelace", displayName: "Ada Lovelace" });
    expect(ada).toMatchObject({ workEmail: "ada@acme.test", department: "Research and Development" });
    expect(alan!.managerId).toBe("E1");
    expect(grace).toMatchObject({ firstName: "Gr\u200dace", lastName: "Hop\u200cper" });
  });

  it("reads roles one per line in a cell as it reads them separated by semicolons", () => {
    const head = `${header},roles`;
    const rows = happyRows.map((r, i) => (i === 0 ? `${r},"engineering\r\nsecurity-admin\n"` : `${r},sales;support`));
    const result = readRows(rows, {}, head);
    expect(result.issues).toEqual([]);
    expect(result.people.map((p) => p.roles)).toEqual([
      ["engineering", "security-admin"],
      ["sales", "support"],
      ["sales", "support"],
    ]);
  });
});
