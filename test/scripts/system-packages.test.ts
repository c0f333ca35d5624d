/**
 * The test prerequisites: the pure decision table, the probes on this machine, and `npm test`'s first step stopping
 * with the exact command when it may not install (here: no apt-get on PATH), and vitest's setup refusing to run
 * suites without a package instead of skipping them.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { missingSystemPackages } from "../../scripts/check-system-packages";
import { aptCommand, plan } from "../../scripts/system-packages";
import { repoRoot } from "../../scripts/workspace";

describe("plan", () => {
  it.each([
    { missing: [], host: { root: false, debian: false }, want: { action: "ready" } },
    {
      missing: ["slapd", "tmux"],
      host: { root: true, debian: true },
      want: { action: "install", packages: ["slapd", "tmux"] },
    },
    {
      missing: ["chromium"],
      host: { root: false, debian: true },
      want: {
        action: "stop",
        packages: ["chromium"],
        command: "sudo apt-get install -y --reinstall --no-install-recommends chromium",
      },
    },
  ])("$missing on $host → $want.action", ({ missing, host, want }) => {
    expect(plan(missing, host)).toEqual(want);
  });

  it("names the packages and the Debian command on another system", () => {
    const decided = plan(["slapd", "ldap-utils"], { root: true, debian: false });
    expect(decided).toMatchObject({ action: "stop" });
    expect(decided.action === "stop" && decided.command).toBe(
      "install slapd, ldap-utils with your system's package manager (Debian: sudo apt-get install -y --reinstall --no-install-recommends slapd ldap-utils)",
    );
  });

  it("drops sudo for root", () => {
    expect(aptCommand(["tmux"], true)).toBe("apt-get install -y --reinstall --no-install-recommends tmux");
  });
});

/** A PATH holding node and sh only: ldap-utils, tmux and apt-get are not found. */
function barePath(): string {
  const bin = mkdtempSync(path.join(tmpdir(), "idlc-bare-path-"));
  mkdirSync(bin, { recursive: true });
  symlinkSync(process.execPath, path.join(bin, "node"));
  symlinkSync("/bin/sh", path.join(bin, "sh"));
  return bin;
}

describe("on this machine", () => {
  it("finds every package working (npm test installed what was missing)", () => {
    expect(missingSystemPackages()).toEqual([]);
  });

  it("counts a binary masked by /dev/null, or gone, as missing", () => {
    for (const slapd of ["/dev/null", "/nonexistent/slapd"]) {
      process.env.IDLC_SLAPD = slapd;
      try {
        expect(missingSystemPackages().map((m) => [m.pkg.name, m.reason])).toEqual([
          ["slapd", expect.stringContaining(slapd)],
        ]);
      } finally {
        delete process.env.IDLC_SLAPD;
      }
    }
  });

  it("npm test's first step stops at once with the exact command when it cannot install", () => {
    const r = spawnSync(process.execPath, ["--require", "tsx/cjs", "scripts/test-prerequisites.ts"], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, PATH: barePath(), IDLC_SLAPD: "/dev/null" },
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain("slapd: /dev/null does not run (EACCES)");
    expect(r.stderr).toMatch(/ldap-utils: ldapsearch does not run \(ENOENT\)/);
    expect(r.stderr).toMatch(
      /\(Debian: sudo apt-get install -y --reinstall --no-install-recommends slapd ldap-utils( \S+)* tmux\)\n/,
    );
    expect(r.stderr).not.toMatch(/Installing/);
  });

  it("vitest's setup fails the run, naming what is missing, instead of skipping suites", () => {
    const r = spawnSync(
      process.execPath,
      [path.join(repoRoot, "node_modules/vitest/vitest.mjs"), "run", "test/scripts/drop-app.test.ts"],
      {
        cwd: repoRoot,
        encoding: "utf8",
        env: { ...process.env, IDLC_SLAPD: "/nonexistent/slapd", CI: "1" },
        timeout: 120_000,
      },
    );
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(
      /system packages that are missing here: slapd \(\/nonexistent\/slapd does not run \(ENOENT\)\)/,
    );
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\d+ passed/);
  });
});
