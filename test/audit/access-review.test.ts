import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessReview, neutraliseCell, reviewCsv, toCsv } from "../../provider/audit";
import { FORMULA_NAME } from "../fixtures/audit/scripted-story";
import { scripted, T, type Scripted } from "./scripted";

let s: Scripted;
beforeAll(async () => {
  s = await scripted();
});
afterAll(() => s.cleanup());
const latest = () => s.snapshots.at(-1)!;

describe("audit review", () => {
  it("lists every entitlement of every enabled account, grouped by the manager who reviews it", () => {
    const rows = accessReview(latest(), { people: s.people });
    expect([...new Set(rows.map((r) => r.reviewer))]).toEqual(["Kim Killswitch (E500)", "Mo Mover (E200)"]);
    expect(new Set(rows.map((r) => r.employeeId))).toEqual(new Set(["E100", "E200", "E400", "E600", "E700"]));
    expect(
      rows.filter((r) => r.employeeId === "E100").map((r) => `${r.app} ${r.entitlement} ${r.roles} ${r.since}`),
    ).toEqual([
      `google account employee ${T[2]}`,
      `google group:all-staff employee ${T[2]}`,
      `slack account employee ${T[2]}`,
      `slack group:engineering engineer ${T[2]}`,
    ]);
    expect(rows.find((r) => r.entitlement === "group:maintainers")).toEqual({
      reviewer: "Kim Killswitch (E500)",
      employeeId: "E200",
      name: "Mo Mover",
      managerId: "E500",
      manager: "Kim Killswitch",
      app: "scim:github",
      entitlement: "group:maintainers",
      privileged: true,
      roles: "eng-lead",
      since: T[3],
      approvedBy: "cto@example.com (ENG-7, 2026-01-30)",
    });
  });

  it("--by app routes rows to app owners; --app narrows to one app", () => {
    const rows = accessReview(latest(), { by: "app", app: "slack", people: s.people });
    expect(new Set(rows.map((r) => r.reviewer))).toEqual(new Set(["slack owner"]));
    // By name: the formula-named person sorts first ("=" before letters).
    expect(rows.map((r) => `${r.employeeId} ${r.entitlement}`)).toEqual([
      "E600 account",
      "E100 account",
      "E100 group:engineering",
      "E200 account",
      "E200 group:engineering",
      "E700 account",
      "E400 account",
      "E400 group:engineering",
    ]);
  });

  it("the CSV neutralises a formula in a name, and a spreadsheet reads it back as that text", () => {
    const csv = reviewCsv(accessReview(latest(), { people: s.people }));
    expect(csv).toContain(`'${FORMULA_NAME}`);
    expect(csv.split("\r\n").some((line) => line.split(",").some((cell) => /^[=+\-@]/.test(cell)))).toBe(false);
    const records = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(records.filter((r) => r.employee_id === "E600").map((r) => r.name)).toEqual([
      `'${FORMULA_NAME}`,
      `'${FORMULA_NAME}`,
      `'${FORMULA_NAME}`,
    ]);
    expect(Object.keys(records[0]!)).toEqual([
      "reviewer",
      "employee_id",
      "name",
      "manager_id",
      "manager",
      "app",
      "entitlement",
      "privileged",
      "granted_by_roles",
      "since",
      "approved_by",
      "decision",
    ]);
  });
});

describe("CSV safety", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["Ada", "Ada"],
    ["a=b", "a=b"],
    ["", ""],
  ])("neutraliseCell(%j) = %j", (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it("quotes separators, quotes and newlines (RFC 4180) after neutralising", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ['x,"y"', "=1\n2"],
          [true, undefined],
        ],
      ),
    ).toBe('a,b\r\n"x,""y""","\'=1\n2"\r\ntrue,\r\n');
  });
});
