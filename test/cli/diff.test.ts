import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "idlc.js");
const scratch = mkdtempSync(path.join(tmpdir(), "idlc-diff-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function idlc(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, "diff", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const demo = [
  "--from",
  "stacks/demo/people-previous.csv",
  "--to",
  "stacks/demo/people.csv",
  "--stack",
  "demo",
  "--as-of",
  "2026-11-25",
];

describe("idlc diff on the demo stack", () => {
  it("--format md prints a joiner, a mover and a leaver with per-app gains and losses", () => {
    const r = idlc(root, ...demo, "--format", "md");
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain("**1 joiner, 1 mover, 1 leaver, 0 rehires**");
    expect(r.stdout).toContain(
      "- **Amara Nwosu (E071), Finance, Financial Analyst — starts 2026-11-30, accounts created disabled**",
    );
    expect(r.stdout).toContain("  - `- ldap: account, group:engineering, group:vpn-users`");
    expect(r.stdout).toContain("  - `+ slack: group:sales`");
    expect(r.stdout).toContain(
      "- **Liam Taylor (E024), Sales, Account Executive — terminated 2026-11-20**\n  - `disabled now: google, slack`",
    );
  });

  it("--format json is the documented shape and byte-identical across runs", () => {
    const first = idlc(root, ...demo, "--format", "json");
    expect(first.code).toBe(0);
    expect(idlc(root, ...demo, "--format", "json").stdout).toBe(first.stdout);
    const json = JSON.parse(first.stdout);
    expect(json.joiners.map((j: { employeeId: string }) => j.employeeId)).toEqual(["E071"]);
    expect(json.movers[0]).toMatchObject({
      employeeId: "E025",
      gained: { slack: ["group:sales"] },
      lost: { "scim:github": ["account", "group:engineering"] },
    });
    expect(json.leavers[0]).toMatchObject({ employeeId: "E024", disabled: ["google", "slack"], deleted: [] });
    expect(json.rehires).toEqual([]);
  });

  it("--as-of a month later shows the leaver deleted after retention and the joiner starting", () => {
    const r = idlc(root, ...demo.slice(0, -1), "2026-12-31", "--format", "json");
    const json = JSON.parse(r.stdout);
    expect(json.leavers).toMatchObject([{ employeeId: "E024", deleted: ["google", "slack"] }]);
    expect(json.joiners).toMatchObject([{ employeeId: "E071", lifecycle: "active", status: "created" }]);
  });

  it.each([
    [
      ["--from", "stacks/demo/people-previous.csv", "--stack", "demo", "--as-of", "2026-13-01"],
      /--as-of "2026-13-01" is not a date/,
    ],
    [["--stack", "demo"], /required option '--from/],
    [["--from", "stacks/demo/people-previous.csv", "--stack", "nope"], /stack "nope" has no Pulumi.nope.yaml/],
  ])("exits 2 on usage errors (%s)", (args, message) => {
    const r = idlc(root, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe("idlc diff --from GITREF", () => {
  const project = path.join(scratch, "project");
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: project,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "t",
        GIT_AUTHOR_EMAIL: "t@example.com",
        GIT_COMMITTER_NAME: "t",
        GIT_COMMITTER_EMAIL: "t@example.com",
      },
    });

  beforeAll(() => {
    cpSync(path.join(root, "stacks", "demo"), path.join(project, "stacks", "demo"), { recursive: true });
    writeFileSync(path.join(project, "Pulumi.yaml"), "name: identity\nruntime: nodejs\nstackConfigDir: stacks\n");
    writeFileSync(
      path.join(project, "stacks", "Pulumi.demo.yaml"),
      [
        "config:",
        "  identity:hr: { file: demo/people.csv }",
        "  identity:roles: { files: [demo/roles.yaml, demo/roles.csv], approvals: demo/approvals.yaml }",
        "  identity:apps: [google, slack, scim, ldap, entra]",
        "  identity:scim: { github: { baseUrl: http://127.0.0.1:1 } }",
        "",
      ].join("\n"),
    );
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "base");
    // The PR: a role change (sales get a CRM group) and nothing else.
    const roles = path.join(project, "stacks", "demo", "roles.yaml");
    writeFileSync(
      roles,
      readFileSync(roles, "utf8").replace("google: { groups: [sales] }", "google: { groups: [sales, crm-users] }"),
    );
  });

  it("reads the export and the role files as of the ref, so a role change shows its movers", () => {
    expect(git("status", "--porcelain")).toBe(" M stacks/demo/roles.yaml\n");
    const r = idlc(project, "--from", "HEAD", "--as-of", "2026-11-25", "--format", "json");
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const json = JSON.parse(r.stdout);
    // Everyone in Sales with an account: active, on leave (E023) and the disabled leaver (E024) alike.
    expect(json.summary).toEqual({ joiners: 0, movers: 8, leavers: 0, rehires: 0 });
    expect(json.movers.map((m: { employeeId: string }) => m.employeeId)).toEqual([
      "E003",
      "E020",
      "E021",
      "E022",
      "E023",
      "E024",
      "E025",
      "E026",
    ]);
    expect(json.movers[0]).toMatchObject({ gained: { google: ["group:crm-users"] }, lost: {}, changes: {} });
  });
});
