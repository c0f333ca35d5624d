/**
 * When each new leaver was terminated in HR (hr-terminations.yaml next to the export): the start chosen from the
 * vendor's change time, and the record itself. test/hr-sources/pull-cli.test.ts checks each twin's real stamps.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readTerminations, recordTerminations, terminationEvents, terminationsFile } from "../../provider/hr-sources";
import type { Person } from "../../provider/hr";

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
    expect(
      terminationEvents(
        [leaver("2026-03-10")],
        "rippling",
        new Map([["E1", { at: "2026-03-01T10:00:00Z", field: "updated_at" }]]),
        pulledAt,
      )[0]!.terminatedInHr,
    ).toBe("2026-03-10T00:00:00.000Z");
    // A change time after the pull (edited again since) is capped at the pull.
    expect(
      terminationEvents(
        [leaver("2026-03-10")],
        "rippling",
        new Map([["E1", { at: "2026-03-10T13:00:00Z", field: "updated_at" }]]),
        pulledAt,
      )[0]!.terminatedInHr,
    ).toBe("2026-03-10T12:00:00.000Z");
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
      const first = {
        employeeId: "E1",
        terminationDate: "2026-03-10",
        terminatedInHr: "2026-03-10T09:00:00Z",
        from: "rippling updated_at",
      };
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
