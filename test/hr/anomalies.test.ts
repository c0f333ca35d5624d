import { describe, expect, it } from "vitest";
import { checkAnomalies, HrIssueCode, type Person } from "../../provider/hr";

function people(count: number, fields: (i: number) => Partial<Person> = () => ({})): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    employeeId: `E${i + 1}`,
    firstName: "P",
    lastName: `${i + 1}`,
    displayName: `P ${i + 1}`,
    employmentType: "employee",
    status: "active",
    department: "Engineering",
    roles: [],
    source: { file: "people.csv", row: i + 2 },
    ...fields(i),
  }));
}
const codes = (issues: ReturnType<typeof checkAnomalies>) => issues.map((i) => i.code);

describe("anomaly gate", () => {
  it("an unchanged export passes", () => {
    expect(checkAnomalies(people(100), people(100))).toEqual([]);
  });

  it("a row drop up to maxDropPercent passes when the leavers were recorded, one more person blocks", () => {
    const before = people(100, (i) => (i >= 94 ? { status: "terminated", terminationDate: "2026-01-01" } : {}));
    expect(checkAnomalies(before, people(95))).toEqual([]); // exactly 5%
    const issues = checkAnomalies(before, people(94));
    expect(codes(issues)).toEqual([HrIssueCode.anomalyRowDrop]);
    expect(issues[0]!.message).toBe("the export has 94 people, 6.0% fewer than the previous 100 (limit 5%)");
    expect(issues[0]!.severity).toBe("error");
  });

  it("maxDropPercent is configurable", () => {
    const before = people(100, (i) => (i >= 80 ? { status: "terminated" } : {}));
    expect(checkAnomalies(before, people(80), { maxDropPercent: 20 })).toEqual([]);
    expect(codes(checkAnomalies(before, people(80), { maxDropPercent: 19 }))).toEqual([HrIssueCode.anomalyRowDrop]);
  });

  it("a person gone without a termination record is named with their previous row", () => {
    const issues = checkAnomalies(
      people(100),
      [...people(100)].filter((p) => p.employeeId !== "E7").concat(people(1, () => ({ employeeId: "N1" }))),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        code: HrIssueCode.anomalyPersonGone,
        row: 8,
        message: "E7 (P 7) is gone from the export without a termination record",
      }),
    ]);
  });

  it("many vanished people are listed ten by ten, then summed up", () => {
    const issues = checkAnomalies(people(1000), people(975));
    expect(codes(issues).filter((c) => c === HrIssueCode.anomalyPersonGone)).toHaveLength(11);
    expect(issues.at(-1)!.message).toBe("…and 15 more people gone without a termination record");
  });

  it("department churn above maxDepartmentChangePercent blocks", () => {
    const moved = (n: number) => people(100, (i) => (i < n ? { department: "Sales" } : {}));
    expect(checkAnomalies(people(100), moved(15))).toEqual([]);
    const issues = checkAnomalies(people(100), moved(16));
    expect(issues).toEqual([
      expect.objectContaining({
        code: HrIssueCode.anomalyDepartmentChurn,
        message: "16 of 100 people (16.0%) changed department (limit 15%)",
      }),
    ]);
    expect(checkAnomalies(people(100), moved(16), { maxDepartmentChangePercent: 20 })).toEqual([]);
  });

  it("an empty previous export never divides by zero", () => {
    expect(checkAnomalies([], people(3))).toEqual([]);
  });
});
