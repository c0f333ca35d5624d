import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditMetrics, distribution, type Measure } from "../../provider/audit";
import { scripted, T, type Scripted } from "./scripted";

let s: Scripted;
beforeAll(async () => {
  s = await scripted();
});
afterAll(() => s.cleanup());
const NOW = "2026-04-01T00:00:00.000Z";
const compact = (m: Measure) => [
  m.employeeId,
  m.start ?? "?",
  m.startFrom ?? "-",
  m.open ? "open" : m.update!.version,
  m.hours ?? "?",
  m.late ? "late" : "ok",
];

describe("audit metrics", () => {
  it("time to provision: hire date (00:00 UTC) to the update that enabled the account; the baseline is not measured", () => {
    const m = auditMetrics(s.snapshots, { people: s.people, now: NOW });
    expect(m.provisioning.map(compact)).toEqual([
      ["E100", "2026-01-12", "hr", 2, 9, "ok"],
      ["E400", "2026-03-02", "state", 5, 8, "ok"],
    ]);
    expect(m.timeToProvision).toEqual({ count: 2, p50: 8, p90: 9, max: 9 });
  });

  it("time to deprovision: leaving date to the update after which no account was enabled, open leavers to now", () => {
    const m = auditMetrics(s.snapshots, { people: s.people, now: NOW });
    expect(m.deprovisioning.map(compact)).toEqual([
      ["E300", "2026-02-27", "hr", 4, 18, "ok"],
      ["E400", "2026-01-30", "state", 3, 82, "late"],
      ["E500", "2026-03-10", "state", 6, 14 + 20 / 60, "ok"],
      ["E700", "2026-03-28", "hr", "open", 96, "late"],
    ]);
    expect(m.timeToDeprovision).toEqual({ count: 3, p50: 18, p90: 82, max: 82 });
  });

  it("leavers over the policy are listed by name, slowest first; the policy is configurable", () => {
    const m = auditMetrics(s.snapshots, { people: s.people, now: NOW });
    expect(m.lateLeavers.map((x) => [x.name, x.hours, x.open])).toEqual([
      ["Pat Pending", 96, true],
      ["Rae Rehire", 82, false],
    ]);
    const strict = auditMetrics(s.snapshots, { people: s.people, now: NOW, policyHours: 16 });
    expect(strict.lateLeavers.map((x) => x.name)).toEqual(["Pat Pending", "Rae Rehire", "Lee Leaver"]);
  });

  it("without HR only the state's dates are known: those people are listed but not measured", () => {
    const m = auditMetrics(s.snapshots, { now: NOW });
    expect(m.provisioning.map(compact)).toEqual([
      ["E100", "?", "-", 2, "?", "ok"],
      ["E400", "2026-03-02", "state", 5, 8, "ok"],
    ]);
    expect(m.deprovisioning.map((x) => x.employeeId)).toEqual(["E300", "E400", "E500"]);
    expect(m.timeToDeprovision).toEqual({ count: 2, p50: 14 + 20 / 60, p90: 82, max: 82 });
    expect(m.deprovisioning[0]!.update!.time).toBe(T[4]);
  });

  it("percentiles are nearest-rank", () => {
    const of = (...hours: number[]) => distribution(hours.map((h) => ({ hours: h }) as Measure));
    expect(of()).toEqual({ count: 0 });
    expect(of(5)).toEqual({ count: 1, p50: 5, p90: 5, max: 5 });
    expect(of(10, 1, 7, 3, 2, 9, 4, 8, 6, 5)).toEqual({ count: 10, p50: 5, p90: 9, max: 10 });
  });
});
