import { describe, expect, it } from "vitest";
import { HrIssueCode, readHrExport } from "../../provider/hr";

const read = (text: string) => readHrExport({ file: "x.csv", text });
const head = ["employee_id", "first_name", "last_name", "status"];

describe("CSV hygiene", () => {
  it.each([
    ["comma", ","],
    ["semicolon", ";"],
    ["tab", "\t"],
  ])("detects the %s delimiter from the header line", (_name, d) => {
    const result = read([head.join(d), ["0042", "Ada", "Lovelace", "active"].join(d)].join("\n"));
    expect(result.issues).toEqual([]);
    expect(result.people[0]).toMatchObject({ employeeId: "0042", firstName: "Ada", lastName: "Lovelace" });
  });

  it("a delimiter inside quotes on the header line does not count", () => {
    const result = read('"employee_id;x",first_name,last_name,status\n1,Ada,Lovelace,active');
    expect(result.issues.filter((i) => i.code === HrIssueCode.columnMissing)).toHaveLength(1);
  });

  it("strips a UTF-8 BOM, trims cells and accepts CRLF", () => {
    const result = read('\uFEFFemployee_id , first_name,last_name,status\r\n  1 ,  Ada  ,"Lovelace" ,active \r\n');
    expect(result.issues).toEqual([]);
    expect(result.people[0]).toMatchObject({
      employeeId: "1",
      firstName: "Ada",
      lastName: "Lovelace",
      status: "active",
    });
  });

  it("counts rows as a spreadsheet does: blank lines count, quoted newlines do not", () => {
    const text = `${head.join(",")}\n1,Ada,Lovelace,active\n\n2,"Grace\nMurray",Hopper,active\n,,,\n3,Alan,Turing,active\n\n`;
    expect(read(text).people.map((p) => [p.employeeId, p.source.row])).toEqual([
      ["1", 2],
      ["2", 4],
      ["3", 6],
    ]);
  });

  it("a broken quote is an issue naming its row, never an exception", () => {
    const result = read(`${head.join(",")}\n1,Ada,Lovelace,active\n2,"Grace"x,Hopper,active\n`);
    expect(result.issues[0]).toMatchObject({ code: HrIssueCode.csvMalformed, row: 3, severity: "error" });
    expect(result.people.map((p) => p.employeeId)).toEqual(["1"]);
  });

  it("an empty file has no header", () => {
    expect(read("").issues).toMatchObject([{ code: HrIssueCode.empty, row: 1 }]);
    expect(read("\n\n").issues).toMatchObject([{ code: HrIssueCode.empty }]);
    expect(read(`${head.join(",")}\n\n`).issues).toMatchObject([
      { code: HrIssueCode.empty, row: 2, message: "the export has a header but no people" },
    ]);
  });

  it("a duplicate header is a warning and the first column wins", () => {
    const result = read("employee_id,first_name,last_name,status,status\n1,Ada,Lovelace,active,terminated");
    expect(result.issues).toMatchObject([{ severity: "warning", code: HrIssueCode.columnDuplicate, row: 1 }]);
    expect(result.people[0]!.status).toBe("active");
  });

  it("splits roles on ; or , and drops blanks and repeats", () => {
    const result = read('employee_id,first_name,last_name,status,roles\n1,Ada,Lovelace,active,"a; b,,a , c"');
    expect(result.people[0]!.roles).toEqual(["a", "b", "c"]);
  });

  it("unknown employment type is a warning and becomes other", () => {
    const result = read("employee_id,first_name,last_name,status,employment_type\n1,Ada,Lovelace,active,volunteer");
    expect(result.issues).toMatchObject([
      { severity: "warning", code: HrIssueCode.employmentTypeUnknown, row: 2, column: "employment_type" },
    ]);
    expect(result.people[0]!.employmentType).toBe("other");
  });
});
