/**
 * `idlc hr pull` against a committed export that is not UTF-8 (Excel's plain "CSV" on Windows): the pull reads it as
 * `idlc validate` does, so names with accents are not a change; it writes back in the stack's declared encoding;
 * and a name that encoding cannot hold refuses the pull instead of turning into "?".
 */
import { readFileSync, writeFileSync } from "node:fs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readHrExport } from "../../provider/hr";
import { hrProject, type HrProject } from "./project";

const today = new Date().toISOString().slice(0, 10);
const legacy = "windows-1252";

describe("idlc hr pull with a Windows-1252 export", { timeout: 120_000 }, () => {
  let p: HrProject;
  let demo: string;
  beforeAll(async () => {
    p = await hrProject("bamboohr");
    demo = p.exported();
    expect(demo).toContain("Fernández"); // the fixture this test is about
    writeFileSync(p.peopleFile, iconv.encode(demo, legacy));
  }, 60_000);
  afterAll(() => p?.stop());

  const committed = () => readFileSync(p.peopleFile);
  const peopleOf = (text: string) => readHrExport({ file: "people.csv", text }).people;

  it("reads the committed export's letters as the validator does: the same people are no change", async () => {
    const check = await p.idlc(["hr", "pull", "--stack", "demo", "--check", "--json"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ changed: false, written: false });
  });

  it("writes a change in the declared encoding, and the diff names only the person HR changed", async () => {
    const text = readFileSync(p.stackFile, "utf8");
    writeFileSync(p.stackFile, text.replace("  identity:hr:\n", `  identity:hr:\n    encoding: ${legacy}\n`));
    p.twin.store.terminate("E012", today);
    const pulled = await p.idlc(["hr", "pull", "--stack", "demo", "--json"]);
    expect(pulled.code, pulled.stdout + pulled.stderr).toBe(0);
    const out = JSON.parse(pulled.stdout);
    expect(out).toMatchObject({ changed: true, written: true, summary: { leavers: 1, joiners: 0, movers: 0 } });
    const bytes = committed();
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow(); // still Windows-1252
    const people = peopleOf(iconv.decode(bytes, legacy));
    expect(people.find((x) => x.employeeId === "E019")?.displayName).toBe("Diego Fernández");
    expect(people.find((x) => x.employeeId === "E012")?.terminationDate).toBe(today);
    const validated = await p.idlc(["validate", "--stack", "demo"]);
    expect(validated.code, validated.stdout + validated.stderr).toBe(0);
  });

  it("refuses a name the declared encoding cannot hold, naming the line, and leaves the export as it was", async () => {
    const before = committed();
    p.twin.store.upsert({ employeeId: "E012", firstName: "李", lastName: "娜" });
    const pulled = await p.idlc(["hr", "pull", "--stack", "demo"]);
    expect(pulled.code).toBe(1);
    expect(pulled.stderr).toMatch(/people\.csv:\d+: error: "E012,李,娜,/);
    expect(pulled.stderr).toContain("windows-1252 cannot hold");
    expect(committed().equals(before)).toBe(true);
  });
});
