/**
 * `idlc hr pull` records when each new leaver was terminated in HR (hr-terminations.yaml next to the export), from
 * the vendor's own change time where it gives one — read from the twins, which stamp each change as the vendor does.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  readTerminations,
  recordTerminations,
  terminationEvents,
  terminationsFile,
} from "../../provider/hr-sources";
import type { Person } from "../../provider/hr";
import { hrProject, hrVendors, type HrProject, type Vendor } from "./project";

const projects = {} as Record<Vendor, HrProject>;
beforeAll(async () => {
  for (const vendor of hrVendors) projects[vendor] = await hrProject(vendor);
}, 60_000);
afterAll(async () => Promise.all(Object.values(projects).map((p) => p.stop())));

/** The field each vendor's change time comes from; HiBob's people search has none, so the pull's time stands. */
const changeField: Record<Vendor, string | undefined> = {
  bamboohr: "lastChanged",
  hibob: undefined,
  personio: "last_modified_at",
  rippling: "updated_at",
  workday: "Last_Functionally_Updated",
};

describe("idlc hr pull records when each leaver was terminated in HR", { timeout: 120_000 }, () => {
  it.each(hrVendors)("%s: the vendor's change time, never with --check", async (vendor) => {
    const p = projects[vendor];
    const file = terminationsFile(p.peopleFile);
    const today = new Date().toISOString().slice(0, 10);
    const terminated = p.twin.store.terminate("E012", today);

    const check = await p.idlc(["hr", "pull", "--stack", "demo", "--check"]);
    expect(check.code, check.stderr).toBe(1);
    expect(existsSync(file)).toBe(false);

    const before = Date.now();
    const run = await p.idlc(["hr", "pull", "--stack", "demo"]);
    expect(run.code, run.stderr).toBe(0);
    const recorded = readTerminations(file);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ employeeId: "E012", terminationDate: today });
    const field = changeField[vendor];
    if (field) {
      expect(recorded[0]!.from).toBe(`${vendor} ${field}`);
      expect(recorded[0]!.terminatedInHr).toBe(new Date(terminated.changedAt).toISOString());
    } else {
      expect(recorded[0]!.from).toBe("hibob pull");
      const at = Date.parse(recorded[0]!.terminatedInHr);
      expect(at).toBeGreaterThanOrEqual(before);
      expect(at).toBeLessThanOrEqual(Date.now());
    }
  });
});

describe("terminationEvents", () => {
  const leaver = (terminationDate: string) =>
    ({ employeeId: "E1", terminationDate, status: "terminated" }) as unknown as Person;
  const pulledAt = Date.parse("2026-03-10T12:00:00Z");
  const times = new Map([["E1", { at: "2026-03-10T09:15:00Z", field: "updated_at" }]]);

  it("takes the vendor's time, bounded by the termination day's start and the pull", () => {
    expect(terminationEvents([leaver("2026-03-09")], "rippling", times, pulledAt)[0]).toMatchObject({
      terminatedInHr: "2026-03-10T09:15:00.000Z",
      from: "rippling updated_at",
    });
    // Entered days ahead of its day: counting starts when the day begins.
    expect(terminationEvents([leaver("2026-03-10")], "rippling", new Map([["E1", { at: "2026-03-01T10:00:00Z",
      field: "updated_at" }]]), pulledAt)[0]!.terminatedInHr).toBe("2026-03-10T00:00:00.000Z");
    // A change time after the pull (edited again since) is capped at the pull.
    expect(terminationEvents([leaver("2026-03-10")], "rippling", new Map([["E1", { at: "2026-03-10T13:00:00Z",
      field: "updated_at" }]]), pulledAt)[0]!.terminatedInHr).toBe("2026-03-10T12:00:00.000Z");
    expect(terminationEvents([leaver("2026-03-10")], "hibob", new Map(), pulledAt)[0]).toMatchObject({
      terminatedInHr: "2026-03-10T12:00:00.000Z",
      from: "hibob pull",
    });
  });
});

describe("hr-terminations.yaml", () => {
  it("lives next to the export and keeps one entry per person and termination day", () => {
    expect(terminationsFile("/r/stacks/demo/people.csv")).toBe(path.join("/r/stacks/demo", "hr-terminations.yaml"));
    const dir = mkdtempSync(path.join(tmpdir(), "idlc-terminations-"));
    try {
      const file = terminationsFile(path.join(dir, "people.csv"));
      const first = { employeeId: "E1", terminationDate: "2026-03-10", terminatedInHr: "2026-03-10T09:00:00Z",
        from: "rippling updated_at" };
      expect(recordTerminations(file, [first])).toEqual([first]);
      // The same termination seen again (a later pull, an edit since) keeps the first time; a rehire who leaves
      // again is a new entry.
      const again = { ...first, terminatedInHr: "2026-03-10T11:00:00Z" };
      const later = { ...first, terminationDate: "2026-06-01", terminatedInHr: "2026-06-01T08:00:00Z" };
      expect(recordTerminations(file, [again, later])).toEqual([later]);
      expect(readTerminations(file)).toEqual([first, later]);
      expect(readFileSync(file, "utf8")).toMatch(/^# When each leaver was terminated in the HR system/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a broken record names the file and the fix", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "idlc-terminations-"));
    try {
      const file = path.join(dir, "hr-terminations.yaml");
      writeFileSync(file, "terminations:\n  - employeeId: E1\n    terminationDate: 10/03/2026\n");
      expect(() => readTerminations(file)).toThrow(/hr-terminations.yaml: terminations.0.terminationDate/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
