import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  createWorkspace,
  csvRows,
  csvText,
  demoDay,
  DEMO_EPOCH,
  repoRoot,
  type Workspace,
} from "../../scripts/workspace";

const made: Workspace[] = [];
afterAll(() => made.forEach((w) => rmSync(w.dir, { recursive: true, force: true })));

describe("demo workspace dates", () => {
  it("moves a date of the demo's story by the days since the demo was written", () => {
    expect(demoDay("2027-02-01", DEMO_EPOCH)).toBe("2027-02-01");
    expect(demoDay("2027-02-01", "2027-11-25")).toBe("2028-02-01");
    expect(demoDay("2026-11-20", "2026-12-01")).toBe("2026-11-26");
  });

  it("tells the same story a year later: every date moved, everyone at the same point of their lifecycle", async () => {
    const later = "2027-11-25";
    const ws = createWorkspace("idlc-dates-", later);
    made.push(ws);
    const original = readFileSync(path.join(repoRoot, "stacks/demo/approvals.yaml"), "utf8");
    const moved = readFileSync(path.join(ws.dir, "stacks/demo/approvals.yaml"), "utf8");
    expect(moved).toBe(original.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => demoDay(d, later)));
    expect(moved).not.toBe(original);
    const lifecycles = (stdout: string) =>
      Object.fromEntries(
        (JSON.parse(stdout) as { people: Array<{ employeeId: string; lifecycle: string }> }).people.map((p) => [
          p.employeeId,
          p.lifecycle,
        ]),
      );
    const then = await ws.idlc(["validate", "--stack", "demo", "--as-of", later, "--json"]);
    expect(JSON.parse(then.stdout)).toMatchObject({ ok: true, errors: [], asOf: later });
    const asWritten = execFileSync(
      process.execPath,
      [path.join(repoRoot, "bin/idlc.js"), "validate", "--stack", "demo", "--as-of", DEMO_EPOCH, "--json"],
      { cwd: repoRoot, encoding: "utf8" },
    );
    expect(lifecycles(then.stdout)).toEqual(lifecycles(asWritten));
    expect(new Set(Object.values(lifecycles(asWritten)))).toEqual(
      new Set(["active", "pre-hire", "not-yet", "leave", "terminated", "removed"]),
    );
  });
});

describe("workspace CSV editing", () => {
  it("keeps a quoted cell with commas and quotes one cell through a read and write", () => {
    const text = 'employee_id,last_name,title\nE1,"Smith, Jr.","VP, ""Sales"""\nE2,Lee,\n';
    const rows = csvRows(text);
    expect(rows).toEqual([
      ["employee_id", "last_name", "title"],
      ["E1", "Smith, Jr.", 'VP, "Sales"'],
      ["E2", "Lee", ""],
    ]);
    expect(csvText(rows)).toBe(text);
  });
});
