import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Person, PresetName, readHrExport } from "../../provider/hr";
import { readHrFile } from "../../provider/stack-files";
import { fixtures } from "./helpers";

/** Each vendor fixture is the same seven people in that vendor's headers, vocabulary, dates and delimiter. */
const options: Record<PresetName, { dateFormat?: string }> = {
  generic: {},
  bamboohr: {},
  workday: {},
  rippling: {},
  gusto: { dateFormat: "MM/dd/yyyy" },
  personio: { dateFormat: "dd.MM.yyyy" },
  hibob: { dateFormat: "dd/MM/yyyy" },
};

const withoutSource = (people: Person[]) => people.map(({ source: _source, ...rest }) => rest);

function read(preset: PresetName) {
  const file = path.join(fixtures, `${preset}.csv`);
  return readHrExport({ file, bytes: readHrFile(file), preset, allowedDomains: ["acme.test"], ...options[preset] });
}

describe("vendor presets", () => {
  const expected = withoutSource(read("generic").people);

  it("the generic fixture yields the seven people, fully normalised", () => {
    expect(read("generic").issues).toEqual([]);
    expect(expected).toHaveLength(7);
    expect(expected[0]).toEqual({
      employeeId: "0101",
      firstName: "Ada",
      lastName: "Lovelace",
      displayName: "Ada Lovelace",
      workEmail: "ada.lovelace@acme.test",
      title: "Chief Technology Officer",
      department: "Engineering",
      location: "Berlin",
      employmentType: "employee",
      status: "active",
      hireDate: "2020-01-15",
      roles: ["it-admin"],
    });
    expect(expected.map((p) => [p.status, p.employmentType])).toEqual([
      ["active", "employee"],
      ["active", "employee"],
      ["leave", "employee"],
      ["terminated", "employee"],
      ["active", "contractor"],
      ["pre-hire", "employee"],
      ["active", "intern"],
    ]);
    expect(expected[1]!.roles).toEqual(["oncall", "deploy"]);
    expect(expected[2]!.title).toBe("Sales Manager, EMEA");
    expect(expected[3]).toMatchObject({ displayName: "Dima Ivanov", managerId: "0103", terminationDate: "2026-10-31" });
    // A line break inside a cell is a space: a title is one line in every app.
    expect(expected[6]).toMatchObject({ title: "Working Student Platform", endDate: "2027-02-28" });
  });

  it.each(PresetName.options.filter((p) => p !== "generic"))("%s parses to the same people as generic", (preset) => {
    const result = read(preset);
    expect(result.issues).toEqual([]);
    for (const person of result.people) expect(Person.parse(person)).toEqual(person); // the boundary schema holds
    expect(withoutSource(result.people)).toEqual(expected);
  });

  it("keeps spreadsheet rows: a quoted newline stays in its cell and the next record is still one row further", () => {
    const rows = read("rippling").people.map((p) => p.source.row);
    expect(rows).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it("the BOM and ; delimiter variants really are in the fixtures", () => {
    const personio = readFileSync(path.join(fixtures, "personio.csv"), "utf8");
    expect(personio.charCodeAt(0)).toBe(0xfeff);
    expect(personio.split("\n")[0]).toContain("Vorname;Nachname");
    expect(readFileSync(path.join(fixtures, "hibob.csv"), "utf8").split("\n")[0]).toContain("\t");
  });
});
