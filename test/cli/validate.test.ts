import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { extraChecks } from "../../cli/commands/validate";
import { buildProgram } from "../../cli/program";

const root = path.join(__dirname, "..", "..");
const scratch = mkdtempSync(path.join(tmpdir(), "idlc-validate-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function idlc(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/idlc.js", "validate", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
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
    expect(r.stdout).toBe(
      "ok stacks/demo/people.csv: 40 people as of 2026-11-25 (1 not-yet, 1 pre-hire, 35 active, 1 leave, 1 terminated, 1 removed); 0 errors, 0 warnings\n",
    );
  });

  it("--as-of time-travels: a month later the recent leaver is removed and the joiner active", () => {
    const r = idlc("--stack", "demo", "--as-of", "2026-12-21", "--json");
    expect(JSON.parse(r.stdout).summary).toEqual({
      "not-yet": 1,
      "pre-hire": 0,
      active: 36,
      leave: 1,
      terminated: 0,
      removed: 2,
    });
  });

  it("--json prints {ok, people, errors, warnings}", () => {
    const r = idlc("--stack", "demo", "--as-of", "2026-11-25", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: true, errors: [], warnings: [], asOf: "2026-11-25" });
    expect(out.people).toHaveLength(40);
    expect(out.people.find((p: { employeeId: string }) => p.employeeId === "E024")).toMatchObject({
      status: "terminated",
      lifecycle: "terminated",
    });
  });

  it("data errors: exit 1, one file:row:column line per issue, then the summary", () => {
    const file = scratchFile("bad.csv", [
      header,
      "E1,Ada,Lovelace,ada@acme.test,,active,2020-01-01",
      "E2,Alan,Turing,alan@acme,E1,active,2020-01-01",
      "E3,Grace,Hopper,grace@acme.test,E9,active,2020-01-01",
    ]);
    const r = idlc("--file", file, "--as-of", "2026-11-25");
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      `${file}:3:work_email: error: invalid email "alan@acme" — Correct the work email in the HR system.`,
    );
    expect(lines[1]).toMatch(new RegExp(`^${file}:4:manager_id: warning: manager "E9" of E3 matches no employee id`));
    expect(lines[2]).toMatch(/^failed .*: 3 people as of 2026-11-25 \(3 active\); 1 error, 1 warning$/);
  });

  it("--json errors carry file, row, column, code and message", () => {
    const file = scratchFile("bad2.csv", [header, "E1,Ada,Lovelace,ada@acme.test,,unknown,2020-01-01"]);
    const out = JSON.parse(idlc("--file", file, "--json").stdout);
    expect(out.ok).toBe(false);
    expect(out.errors).toEqual([
      {
        file,
        row: 2,
        column: "status",
        code: "HR_STATUS_UNKNOWN",
        message: 'unknown status "unknown"',
        fix: expect.any(String),
      },
    ]);
  });

  it("--file with --preset and --date-format reads a vendor export", () => {
    const fixture = path.join(root, "test", "fixtures", "hr", "gusto.csv");
    expect(idlc("--file", fixture, "--preset", "gusto", "--date-format", "MM/dd/yyyy").code).toBe(0);
    // Without the format, 01/15/2020 on row 2 proves the export month-first, so 03/01/2021 is read that way, and said.
    const inferred = idlc("--file", fixture, "--preset", "gusto", "--json");
    expect(inferred.code).toBe(0);
    expect(JSON.parse(inferred.stdout).warnings).toMatchObject([{ row: 2, code: "HR_DATE_ORDER_INFERRED" }]);
  });

  it("the anomaly gate blocks a shrunken export unless --accept-anomalies", () => {
    const previous = scratchFile("previous.csv", [
      header,
      ...Array.from({ length: 20 }, (_, i) => `E${i + 1},P,${i + 1},p${i + 1}@acme.test,,active,2020-01-01`),
    ]);
    const current = scratchFile("current.csv", [
      header,
      ...Array.from({ length: 18 }, (_, i) => `E${i + 1},P,${i + 1},p${i + 1}@acme.test,,active,2020-01-01`),
    ]);
    const blocked = idlc("--file", current, "--previous", previous);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain("error: the export has 18 people, 10.0% fewer than the previous 20 (limit 5%)");
    expect(blocked.stdout).toContain(
      `${previous}:20: error: E19 (P 19) is gone from the export without a termination record`,
    );
    const accepted = idlc("--file", current, "--previous", previous, "--accept-anomalies", "--json");
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.stdout).warnings.map((w: { code: string }) => w.code)).toEqual([
      "HR_ANOMALY_ROW_DROP",
      "HR_ANOMALY_PERSON_GONE",
      "HR_ANOMALY_PERSON_GONE",
    ]);
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

const fixtures = path.join(root, "test", "fixtures", "hr");

describe("idlc validate on vendor exports as a new user runs it", () => {
  it.each(["generic", "bamboohr", "workday", "rippling", "gusto", "personio", "hibob"])(
    "%s: the realistic export passes, its open-ended contractors listed as warnings",
    (preset) => {
      const file = path.join(fixtures, "realistic", `${preset}.csv`);
      const r = idlc("--file", file, "--preset", preset, "--as-of", "2026-11-20");
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/: warning: contractor \S+ \((Eve Tan|Farid Haddad)\) has no contract end date/);
      expect(r.stdout.trim().split("\n").at(-1)).toMatch(/^ok .*; 0 errors, \d+ warnings$/);
    },
  );

  it("a misspelt work email header is an error with did-you-mean, before anyone is read", () => {
    const r = idlc("--file", path.join(fixtures, "misspelt-header.csv"), "--json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.people).toEqual([]);
    expect(out.errors).toMatchObject([{ row: 1, code: "HR_COLUMN_MISSING", column: "work_email" }]);
    expect(out.errors[0].message).toBe(
      'missing required column "work_email" for workEmail, which entra, google, ' +
        'slack, scim, ldap need (did you mean "Emial"?)',
    );
  });

  it("an unknown header is a warning with the closest known field", () => {
    const row = "E1,Ada,Lovelace,a@acme.test,,active,2020-01-01,Eng";
    const file = scratchFile("extra.csv", [`${header},Departmnet`, row]);
    const r = idlc("--file", file, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings).toMatchObject([{ code: "HR_COLUMN_UNKNOWN", column: "Departmnet" }]);
  });

  it("a binary file is refused up front and none of its bytes reach the terminal or the JSON", () => {
    const file = path.join(fixtures, "binary-export.xlsx");
    const text = idlc("--file", file);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      `${file}:1: error: not a text CSV: looks like a zip file or an Excel workbook ` +
        "(.xlsx), from line 1 — Export as CSV, UTF-8",
    );
    const json = idlc("--file", file, "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).errors.map((e: { code: string }) => e.code)).toEqual(["HR_NOT_TEXT"]);
    for (const out of [text.stdout, json.stdout]) expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\ufffd]|PK\\u/);
  });

  it("Excel's Windows-1252 CSV is read, with one warning that quotes the lines whose letters the guess decided", () => {
    const file = path.join(scratch, "excel-ansi.csv");
    const rows = [
      header,
      "E1,Björn,Müller,bjoern@acme.test,,active,2020-01-15",
      "E2,Zoë,Ñúñez,zoe@acme.test,E1,active,2021-02-01",
    ];
    writeFileSync(file, Buffer.from(`${rows.join("\r\n")}\r\n`, "latin1"));
    const r = idlc("--file", file, "--as-of", "2026-11-25", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.people.map((p: { lastName: string }) => p.lastName)).toEqual(["Müller", "Ñúñez"]);
    expect(out.warnings).toMatchObject([{ code: "HR_ENCODING_GUESSED", row: 2, file }]);
    expect(out.warnings[0].message).toContain('line 2: "E1,Björn,Müller,');
  });

  it("a previous export that is not text is reported, not compared as an empty company", () => {
    const previous = path.join(fixtures, "binary-export.xlsx");
    const r = idlc("--file", path.join(fixtures, "realistic", "generic.csv"), "--previous", previous, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors).toMatchObject([{ file: previous, code: "HR_NOT_TEXT" }]);
  });

  it("identity:hr contractorEndDate: error in a stack blocks on an open-ended contractor; the default warns", () => {
    const project = path.join(scratch, "project");
    mkdirSync(path.join(project, "stacks"), { recursive: true });
    writeFileSync(path.join(project, "Pulumi.yaml"), "name: identity\nruntime: nodejs\nstackConfigDir: stacks\n");
    copyFileSync(path.join(fixtures, "realistic", "gusto.csv"), path.join(project, "stacks", "people.csv"));
    // roles.yaml beside the export is the stack's role file by convention: one birthright mailbox for everyone.
    writeFileSync(
      path.join(project, "stacks", "roles.yaml"),
      [
        "roles:",
        "  - id: staff",
        "    description: Mail",
        "    owner: it@acme.test",
        "    entitlements: { google: { groups: [everyone] } }",
        "rules:",
        "  - id: everyone",
        "    birthright: true",
        "    employmentTypes: [employee, intern, contractor]",
        "    roles: [staff]",
        "",
      ].join("\n"),
    );
    const stack = (extra: string) =>
      `config:\n  identity:hr: { file: people.csv, preset: gusto${extra} }\n  identity:apps: [google]\n`;
    writeFileSync(path.join(project, "stacks", "Pulumi.open.yaml"), stack(""));
    writeFileSync(path.join(project, "stacks", "Pulumi.strict.yaml"), stack(", contractorEndDate: error"));
    const bin = path.join(root, "bin", "idlc.js");
    const run = (name: string) =>
      spawnSync(process.execPath, [bin, "validate", "--stack", name, "--json"], {
        cwd: project,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
    const open = run("open");
    expect(open.status).toBe(0);
    const warnings: Array<{ code: string }> = JSON.parse(open.stdout).warnings;
    expect(warnings.filter((w) => w.code === "HR_CONTRACTOR_END_DATE")).toHaveLength(2);
    const strict = run("strict");
    expect(strict.status).toBe(1);
    expect(JSON.parse(strict.stdout).errors.map((e: { code: string; row: number }) => [e.code, e.row])).toEqual([
      ["HR_CONTRACTOR_END_DATE", 6],
      ["HR_CONTRACTOR_END_DATE", 7],
    ]);
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
      return [
        {
          severity: "error",
          code: "ROLE_UNKNOWN",
          message: 'unknown role "payments-approver"',
          file: "stacks/demo/people.csv",
          row: 6,
          column: "roles",
        },
      ];
    });
    const out: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process, "cwd").mockReturnValue(path.join(__dirname, "..", ".."));
    await buildProgram().parseAsync(["node", "idlc", "validate", "--stack", "demo", "--as-of", "2026-11-25", "--json"]);
    expect(seen).toEqual([40]);
    expect(process.exitCode).toBe(1);
    expect(JSON.parse(out.join("")).errors).toEqual([
      {
        file: "stacks/demo/people.csv",
        row: 6,
        column: "roles",
        code: "ROLE_UNKNOWN",
        message: 'unknown role "payments-approver"',
      },
    ]);
  });
});
