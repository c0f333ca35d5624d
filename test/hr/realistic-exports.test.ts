import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allApps, HrIssueCode, lifecycleOf, Person, PresetName, readHrExport } from "../../provider/hr";
import { readHrFile } from "../../provider/stack-files";
import { fixtures } from "./helpers";

/**
 * One export per vendor, shaped like that vendor's own (fixtures/hr/realistic/): its headers, the columns HR systems
 * add, quoted commas, a BOM where the vendor writes one, local date formats, contractors without end dates, leave,
 * terminations. Read as a new user would: preset only, no date format, no mapping, every app enabled.
 */
const realistic = path.join(fixtures, "realistic");
const read = (preset: PresetName, extra = {}) =>
  readHrExport({
    file: path.join(realistic, `${preset}.csv`),
    bytes: readHrFile(path.join(realistic, `${preset}.csv`)),
    preset,
    apps: allApps,
    ...extra,
  });

/** Contractors without a contract end date, and what else each export should warn about. */
const { columnsIgnored, dateOrderInferred } = HrIssueCode;
const expected: Record<PresetName, { people: number; openContractors: string[]; warnings: string[] }> = {
  generic: { people: 9, openContractors: ["E1005"], warnings: [columnsIgnored, HrIssueCode.terminationDateMissing] },
  bamboohr: {
    people: 10,
    openContractors: ["1005", "1006"], // BambooHR has no contract end column at all
    warnings: [columnsIgnored, dateOrderInferred, HrIssueCode.managerUnknown, HrIssueCode.terminationBeforeHire],
  },
  workday: { people: 9, openContractors: ["C0006"], warnings: [columnsIgnored] },
  rippling: { people: 9, openContractors: ["0105", "0106"], warnings: [columnsIgnored, dateOrderInferred] },
  gusto: { people: 9, openContractors: ["E-105", "E-106"], warnings: [columnsIgnored, dateOrderInferred] },
  personio: { people: 9, openContractors: ["105"], warnings: [columnsIgnored] },
  hibob: { people: 9, openContractors: ["105", "106"], warnings: [columnsIgnored, dateOrderInferred] },
};
const settings = { preHireDays: 7, retentionDays: 30 };

describe("realistic vendor exports pass on the first try", () => {
  it.each(PresetName.options)("%s: no errors, every person read, open-ended contractors listed by name", (preset) => {
    const { people, issues } = read(preset);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(people).toHaveLength(expected[preset].people);
    for (const person of people) expect(Person.parse(person)).toEqual(person);
    const open = issues.filter((i) => i.code === HrIssueCode.contractorEndDate);
    expect(open.map((i) => i.severity)).toEqual(expected[preset].openContractors.map(() => "warning"));
    expect(open.map((i) => /^contractor (\S+) \(/.exec(i.message)?.[1])).toEqual(expected[preset].openContractors);
    expect(open.every((i) => i.message.endsWith("until HR records a contract end or termination date"))).toBe(true);
    const others = [...new Set(issues.filter((i) => i.code !== HrIssueCode.contractorEndDate).map((i) => i.code))];
    expect(others.sort()).toEqual([...expected[preset].warnings].sort());
  });

  it.each(PresetName.options)("%s: joiners, leave, leavers and contractors land in their lifecycle state", (preset) => {
    const byName = new Map(read(preset).people.map((p) => [p.lastName, p]));
    const state = (lastName: string) => lifecycleOf(byName.get(lastName)!, "2026-11-20", settings);
    expect(state("Lovelace")).toBe("active");
    expect(state("Ivanov")).toBe("terminated"); // left 2026-10-31, inside retention
    expect(byName.get("Tan")!.employmentType).toBe("contractor");
    expect(state("Tan")).toBe("active");
    // BambooHR's Status column is only Active/Inactive, so its export cannot say who is on leave.
    if (preset !== "bamboohr") expect(state("O'Neil")).toBe("leave");
    const joiner = [...byName.values()].find((p) => p.hireDate === "2026-12-14")!;
    expect(lifecycleOf(joiner, "2026-11-20", settings)).toBe("not-yet");
    expect(lifecycleOf(joiner, "2026-12-08", settings)).toBe("pre-hire");
  });

  it("quoted commas, escaped quotes, BOMs and local dates are read as the vendor wrote them", () => {
    const person = (preset: PresetName, id: string) => read(preset).people.find((p) => p.employeeId === id);
    expect(person("bamboohr", "1003")).toMatchObject({ title: "Sales Manager, EMEA", preferredName: "Clare" });
    expect(person("bamboohr", "1002")!.managerId).toBe("1001"); // "Lovelace, Ada"
    expect(person("personio", "106")).toMatchObject({ title: 'Berater "IT-Sicherheit"', endDate: "2027-03-31" });
    expect(person("hibob", "108")).toMatchObject({ status: "leave", terminationDate: "2026-12-31" });
    expect(person("hibob", "108")!.hireDate).toBe("2023-04-03"); // 03/04/2023, day-first as the export proves
    const workdayLeaver = { terminationDate: "2026-10-31", department: "Sales EMEA (Clara O'Neil)" };
    expect(person("workday", "21004")).toMatchObject(workdayLeaver); // the offset date keeps its calendar day
    expect(person("rippling", "0108")).toMatchObject({ employmentType: "employee", location: "Tokyo, JP" });
    for (const preset of ["workday", "personio"] as const) {
      const start = readFileSync(path.join(realistic, `${preset}.csv`)).subarray(0, 3);
      expect(start).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    }
  });

  it("with identity:hr contractorEndDate: error, the same exports are refused, each open contractor named", () => {
    for (const preset of PresetName.options) {
      const errors = read(preset, { contractorEndDate: "error" }).issues.filter((i) => i.severity === "error");
      const open = expected[preset].openContractors;
      expect(errors.map((i) => i.code)).toEqual(open.map(() => HrIssueCode.contractorEndDate));
    }
  });
});
