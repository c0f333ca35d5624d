import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { extraChecks } from "../../cli/commands/validate";
import { buildProgram } from "../../cli/program";

const root = path.join(__dirname, "..", "..");
const scratch = mkdtempSync(path.join(tmpdir(), "idlc-validate-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function idlc(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/idlc.js", "validate", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function scratchFile(name: string, lines: string[]) {
  const file = path.join(scratch, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}
const header = "employee_id,first_name,last_name,work_email,manager_id,status,hire_date";

describe("idlc validate", () => {
  it("the demo stack is clean: exit 0 and people per lifecycle state", () => {
    const r = idlc("--stack", "demo", "--as-of", "2026-11-25");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("ok stacks/demo/people.csv: 40 people as of 2026-11-25 (1 not-yet, 1 pre-hire, 35 active, 1 leave, 1 terminated, 1 removed); 0 errors, 0 warnings\n");
  });

  it("--as-of time-travels: a month later the recent leaver is removed and the joiner active", () => {
    const r = idlc("--stack", "demo", "--as-of", "2026-12-21", "--json");
    expect(JSON.parse(r.stdout).summary).toEqual({ "not-yet": 1, "pre-hire": 0, active: 36, leave: 1, terminated: 0, removed: 2 });
  });

  it("--json prints {ok, people, errors, warnings}", () => {
    const r = idlc("--stack", "demo", "--as-of", "2026-11-25", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: true, errors: [], warnings: [], asOf: "2026-11-25" });
    expect(out.people).toHaveLength(40);
    expect(out.people.find((p: { employeeId: string }) => p.employeeId === "E024")).toMatchObject({ status: "terminated", lifecycle: "terminated" });
  });

  it("data errors: exit 1, one file:row:column line per issue, then the summary", () => {
    const file = scratchFile("bad.csv", [header, "E1,Ada,Lovelace,ada@acme.test,,active,2020-01-01", "E2,Alan,Turing,alan@acme,E1,active,2020-01-01", "E3,Grace,Hopper,grace@acme.test,E9,active,2020-01-01"]);
    const r = idlc("--file", file, "--as-of", "2026-11-25");
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe(`${file}:3:work_email: error: invalid email "alan@acme" — Correct the work email in the HR system.`);
    expect(lines[1]).toMatch(new RegExp(`^${file}:4:manager_id: warning: manager "E9" of E3 matches no employee id`));
    expect(lines[2]).toMatch(/^failed .*: 3 people as of 2026-11-25 \(3 active\); 1 error, 1 warning$/);
  });

  it("--json errors carry file, row, column, code and message", () => {
    const file = scratchFile("bad2.csv", [header, "E1,Ada,Lovelace,ada@acme.test,,unknown,2020-01-01"]);
    const out = JSON.parse(idlc("--file", file, "--json").stdout);
    expect(out.ok).toBe(false);
    expect(out.errors).toEqual([{ file, row: 2, column: "status", code: "HR_STATUS_UNKNOWN", message: 'unknown status "unknown"', fix: expect.any(String) }]);
  });

  it("--file with --preset and --date-format reads a vendor export", () => {
    const fixture = path.join(root, "test", "fixtures", "hr", "gusto.csv");
    expect(idlc("--file", fixture, "--preset", "gusto", "--date-format", "MM/dd/yyyy").code).toBe(0);
    // Without the format, 01/15/2020 on row 2 proves the export month-first, so 03/01/2021 is read that way, and said.
    const inferred = idlc("--file", fixture, "--preset", "gusto", "--json");
    expect(inferred.code).toBe(0);
    expect(JSON.parse(inferred.stdout).warnings).toEqual([expect.objectContaining({ row: 2, code: "HR_DATE_ORDER_INFERRED" })]);
  });

  it("the anomaly gate blocks a shrunken export unless --accept-anomalies", () => {
    const previous = scratchFile("previous.csv", [header, ...Array.from({ length: 20 }, (_, i) => `E${i + 1},P,${i + 1},p${i + 1}@acme.test,,active,2020-01-01`)]);
    const current = scratchFile("current.csv", [header, ...Array.from({ length: 18 }, (_, i) => `E${i + 1},P,${i + 1},p${i + 1}@acme.test,,active,2020-01-01`)]);
    const blocked = idlc("--file", current, "--previous", previous);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain("error: the export has 18 people, 10.0% fewer than the previous 20 (limit 5%)");
    expect(blocked.stdout).toContain(`${previous}:20: error: E19 (P 19) is gone from the export without a termination record`);
    const accepted = idlc("--file", current, "--previous", previous, "--accept-anomalies", "--json");
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.stdout).warnings.map((w: { code: string }) => w.code)).toEqual(["HR_ANOMALY_ROW_DROP", "HR_ANOMALY_PERSON_GONE", "HR_ANOMALY_PERSON_GONE"]);
  });

  it("the demo's previous export passes the gate", () => {
    expect(idlc("--stack", "demo", "--previous", "stacks/demo/people-previous.csv").code).toBe(0);
  });

  it.each([
    [["--file", "no/such.csv"], /does not exist/],
    [["--stack", "nope"], /stack "nope"/],
    [["--stack", "demo", "--file", "stacks/demo/people.csv"], /exclude each other/],
    [["--stack", "demo", "--as-of", "2026-13-01"], /is not a date/],
    [["--stack", "demo", "--preset", "sap"], /Allowed choices are generic, bamboohr/],
    [["--stack", "demo", "--previous", "not-a-ref-or-file"], /neither a file nor a git ref/],
  ])("usage error %j exits 2", (args, message) => {
    const r = idlc(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

// In-process, because a check can only be registered inside the process that runs the command.
describe("idlc validate extra checks hook", () => {
  afterEach(() => {
    extraChecks.length = 0;
    process.exitCode = undefined;
    vi.restoreAllMocks();
  });

  it("runs each registered check on the validated people and blocks on its errors", async () => {
    const seen: number[] = [];
    extraChecks.push(({ people, asOf, stack }) => {
      seen.push(people.length);
      expect(asOf).toBe("2026-11-25");
      expect(stack?.stack).toBe("demo");
      return [{ severity: "error", code: "ROLE_UNKNOWN", message: 'unknown role "payments-approver"', file: "stacks/demo/people.csv", row: 6, column: "roles" }];
    });
    const out: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process, "cwd").mockReturnValue(path.join(__dirname, "..", ".."));
    await buildProgram().parseAsync(["node", "idlc", "validate", "--stack", "demo", "--as-of", "2026-11-25", "--json"]);
    expect(seen).toEqual([40]);
    expect(process.exitCode).toBe(1);
    expect(JSON.parse(out.join("")).errors).toEqual([
      { file: "stacks/demo/people.csv", row: 6, column: "roles", code: "ROLE_UNKNOWN", message: 'unknown role "payments-approver"' },
    ]);
  });
});
