import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  appendOverride,
  applyOverrides,
  OverridesFileError,
  readOverrides,
  settledOverrides,
} from "../../provider/stack-plan";
import type { Person } from "../../provider/hr";

const person = (employeeId: string, extra: Partial<Person> = {}): Person => ({
  employeeId,
  firstName: "A",
  lastName: "B",
  displayName: "A B",
  employmentType: "employee",
  status: "active",
  hireDate: "2020-01-01",
  roles: [],
  source: { file: "people.csv", row: 2 },
  ...extra,
});
const kill = {
  employeeId: "E1",
  action: "terminate" as const,
  at: "2026-11-25T10:00:00Z",
  by: "sec@example.com",
  reason: "compromised laptop",
};

describe("applyOverrides", () => {
  it("terminates the person from the override's day", () => {
    expect(applyOverrides([person("E1"), person("E2")], [kill]).map((p) => [p.status, p.terminationDate])).toEqual([
      ["terminated", "2026-11-25"],
      ["active", undefined],
    ]);
  });
  it("keeps an earlier termination from HR", () => {
    const [p] = applyOverrides([person("E1", { status: "terminated", terminationDate: "2026-11-01" })], [kill]);
    expect(p!.terminationDate).toBe("2026-11-01");
  });
  it("terminates even when HR still shows a later date", () => {
    const [p] = applyOverrides([person("E1", { terminationDate: "2026-12-31" })], [kill]);
    expect([p!.status, p!.terminationDate]).toEqual(["terminated", "2026-11-25"]);
  });
});

describe("settledOverrides", () => {
  it("is settled once HR shows the termination on or before the override day", () => {
    expect(settledOverrides([person("E1", { status: "terminated", terminationDate: "2026-11-25" })], [kill])).toEqual([
      kill,
    ]);
    expect(settledOverrides([person("E1")], [kill])).toEqual([]);
  });
});

describe("overrides.yaml", () => {
  it("round-trips appended entries and tolerates a missing file", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "ovr-")), "overrides.yaml");
    expect(readOverrides(file)).toEqual([]);
    appendOverride(file, kill);
    appendOverride(file, { ...kill, employeeId: "E2" });
    expect(readOverrides(file).map((o) => o.employeeId)).toEqual(["E1", "E2"]);
    expect(readFileSync(file, "utf8")).toContain("# Emergency terminations recorded by `idlc kill`");
  });
  it("names the file and the bad field", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "ovr-")), "overrides.yaml");
    writeFileSync(
      file,
      "overrides:\n  - employeeId: E1\n    action: terminate\n    at: yesterday\n    by: x\n    reason: y\n",
    );
    expect(() => readOverrides(file)).toThrow(OverridesFileError);
    expect(() => readOverrides(file)).toThrow(/overrides\.0\.at/);
  });
});
