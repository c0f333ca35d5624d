/**
 * `idlc hr pull` per vendor twin: the pulled export is the demo export (same people, same file), `--check` and
 * `--json` report a change without writing, and a pull after an HR change writes one line per changed person.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readHrExport, lifecycleOf } from "../../provider/hr";
import { readTerminations, terminationsFile } from "../../provider/hr-sources";
import { hrProject, hrVendors, type HrProject, type Vendor } from "./project";

const today = new Date().toISOString().slice(0, 10);
const lifecycle = { preHireDays: 7, retentionDays: 30 };
/** The field each vendor's change time comes from; HiBob's people search has none. */
const changeField: Record<Vendor, string | undefined> = {
  bamboohr: "lastChanged",
  hibob: undefined,
  personio: "last_modified_at",
  rippling: "updated_at",
  workday: "Last_Functionally_Updated",
};

describe.each(hrVendors)("idlc hr pull from the %s twin", { timeout: 120_000 }, (vendor) => {
  let p: HrProject;
  beforeAll(async () => void (p = await hrProject(vendor)), 60_000);
  afterAll(() => p?.stop());

  it("pulls everyone into the stack's export: the same people as the demo export", async () => {
    const demo = p.exported();
    const pulled = await p.idlc(["hr", "pull", "--stack", "demo"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toMatch(new RegExp(`${vendor}: 40 people`));
    const view = (text: string) =>
      readHrExport({ file: "people.csv", text }).people.map((person) => ({
        id: person.employeeId,
        name: person.displayName,
        email: person.workEmail,
        department: person.department,
        title: person.title,
        manager: person.managerId,
        hired: person.hireDate,
        left: person.terminationDate,
        state: lifecycleOf(person, today, lifecycle),
      }));
    expect(view(p.exported())).toEqual(view(demo));
    const validated = await p.idlc(["validate", "--stack", "demo"]);
    expect(validated.code, validated.stdout).toBe(0);
    if (vendor !== "personio") expect(p.exported()).toBe(demo); // Personio only knows internal/external employment
  });

  it("--check exits 1 on an HR change without writing; --json lists it; a pull changes one line", async () => {
    const before = p.exported();
    const terminated = p.twin.store.terminate("E012", today);
    const check = await p.idlc(["hr", "pull", "--stack", "demo", "--check"]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("differs from the HR system");
    expect(p.exported()).toBe(before);
    const json = await p.idlc(["hr", "pull", "--stack", "demo", "--check", "--json"]);
    const out = JSON.parse(json.stdout);
    expect(out.diff.leavers.map((l: { employeeId: string }) => l.employeeId)).toEqual(["E012"]);
    expect(out).toMatchObject({ changed: true, written: false, summary: { leavers: 1, joiners: 0 } });
    expect(p.exported()).toBe(before);
    const pulled = await p.idlc(["hr", "pull", "--stack", "demo"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    const changedLines = (a: string, b: string) => a.split("\n").filter((line, i) => line !== b.split("\n")[i]);
    expect(changedLines(p.exported(), before)).toEqual([
      expect.stringMatching(new RegExp(`^E012,.*,terminated,.*${today}`)),
    ]);
    // When E012 was terminated in HR: the vendor's own change stamp (HiBob has none: the pull's time), recorded by
    // the pull that wrote the export and not by the --check runs before it.
    const [recorded, ...more] = readTerminations(terminationsFile(p.peopleFile));
    expect(more).toEqual([]);
    expect(recorded).toMatchObject({ employeeId: "E012", terminationDate: today });
    const field = changeField[vendor];
    expect(recorded!.from).toBe(`${vendor} ${field ?? "pull"}`);
    if (field) expect(recorded!.terminatedInHr).toBe(new Date(terminated.changedAt).toISOString());
    else expect(Date.parse(recorded!.terminatedInHr)).toBeGreaterThanOrEqual(terminated.changedAt);
  });
});
