import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditMetrics, formatMetrics, renderReport, reportModel, type HrTerminationEvent } from "../../provider/audit";
import { scripted, T, type Scripted } from "./scripted";

let s: Scripted;
beforeAll(async () => {
  s = await scripted();
});
afterAll(() => s.cleanup());
const NOW = "2026-04-01T00:00:00.000Z";

/** As `idlc hr pull` records them in hr-terminations.yaml. */
const events: HrTerminationEvent[] = [
  { employeeId: "E300", terminatedInHr: "2026-02-27T17:59:30.000Z", from: "bamboohr lastChanged" },
  { employeeId: "E500", terminatedInHr: "2026-03-10T14:00:00.000Z", from: "rippling updated_at" },
  // Terminated in HR after update 3 had already disabled everything (a kill switch first): nothing left to wait for.
  { employeeId: "E400", terminatedInHr: "2026-02-05T00:00:00.000Z", from: "hibob pull" },
  { employeeId: "E700", terminatedInHr: "2026-03-28T00:00:00.000Z", from: "workday Last_Functionally_Updated" },
  // Never had an account: nothing to measure.
  { employeeId: "E999", terminatedInHr: "2026-03-01T00:00:00.000Z", from: "hibob pull" },
];

describe("audit metrics: terminated in HR → disabled in every app", () => {
  it("measures each recorded termination to the update that left no account enabled, in seconds", () => {
    const m = auditMetrics(s.snapshots, { people: s.people, now: NOW, hrTerminations: events });
    expect(m.hrToDisabled.map((x) => [x.employeeId, x.open ? "open" : x.update!.version, x.seconds, x.from])).toEqual([
      ["E300", 4, 30, "bamboohr lastChanged"],
      ["E500", 6, 20 * 60, "rippling updated_at"],
      ["E400", 3, 0, "hibob pull"],
      ["E700", "open", 4 * 86_400, "workday Last_Functionally_Updated"],
    ]);
    expect(m.hrToDisabled[0]!.update!.time).toBe(T[4]);
    expect(m.hrToDisabled.find((x) => x.employeeId === "E300")!.name).toBe("Lee Leaver");
    // Nearest rank over the finished ones (0, 30, 1200); the open leaver is listed but not in the distribution.
    expect(m.timeHrToDisabled).toEqual({ count: 3, p50: 30, p95: 1200, max: 1200 });
  });

  it("prints per leaver and the p50/p95/max summary, in the terminal and the HTML report", () => {
    const m = auditMetrics(s.snapshots, { people: s.people, now: NOW, hrTerminations: events });
    const text = formatMetrics(m);
    expect(text).toContain(
      "terminated in HR → disabled in every app: 3 measured, p50 30.0 s, p95 20.0 min, max 20.0 min",
    );
    expect(text).toMatch(
      /Lee Leaver\s+E300\s+2026-02-27T17:59:30.000Z\s+bamboohr lastChanged\s+2026-02-27T18:00:00.000Z\s+30.0 s/,
    );
    expect(text).toMatch(
      /E700\s+2026-03-28T00:00:00.000Z\s+workday Last_Functionally_Updated\s+still enabled\s+96.0 h/,
    );
    const html = renderReport(reportModel({ stack: "s", updates: s.updates, snapshots: s.snapshots, metrics: m }));
    expect(html).toContain('<table id="hr-to-disabled">');
    expect(html).toContain("p50 30.0 s, p95 20.0 min, max 20.0 min");
  });

  it("says nothing about it when no pull recorded a termination", () => {
    const m = auditMetrics(s.snapshots, { people: s.people, now: NOW });
    expect(m.hrToDisabled).toEqual([]);
    expect(m.timeHrToDisabled).toEqual({ count: 0 });
    expect(formatMetrics(m)).not.toContain("terminated in HR");
  });
});
