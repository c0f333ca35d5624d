/**
 * `npm run demo` is the newcomer's first command: from a fresh copy of the checkout, with a PATH holding only
 * node and npm, it must succeed — once with slapd hidden (LDAP skipped, in one line that says how to add it) and
 * once with slapd (all five apps) — and the commands it ends with must work exactly as printed.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { SLAPD_PATH } from "../../sandbox/ldap/start-slapd";
import { freshClone } from "./fresh-clone";

const clone = freshClone();
afterAll(() => clone.remove());

const ACCOUNT_TYPES = ["EntraAccount", "GoogleAccount", "SlackAccount", "ScimAccount", "LdapAccount"];

const created = (type: string) => new RegExp(`^\\+ pulumi-nodejs:dynamic/idlc:${type} \\S+/E\\d+ created$`, "m");

async function demo(env: NodeJS.ProcessEnv): Promise<string> {
  const { code, stdout, stderr } = await clone.sh("npm run demo", env);
  const out = `${stdout}${stderr}`;
  expect(code, out.slice(-4000)).toBe(0);
  expect(out).toContain("1 joiner, 1 mover, 1 leaver");
  expect(out).toMatch(/demo finished in \d+ s/);
  return out;
}

/** The lines under "Look around", each followed by an indented description. */
function nextSteps(out: string): string[] {
  const tail = out.slice(out.indexOf("Look around"));
  return tail
    .split("\n")
    .slice(1)
    .filter((l) => /^ {2}\S/.test(l))
    .map((l) => l.trim());
}

describe("npm run demo on a fresh machine", () => {
  it("without slapd: LDAP skipped in one line with the command that enables it; the rest runs and finishes", async () => {
    const out = await demo({ IDLC_SLAPD: path.join(clone.dir, "no-such-slapd") });
    const skips = out.split("\n").filter((l) => /ldap|slapd/i.test(l));
    expect(skips).toHaveLength(1);
    expect(skips[0]).toMatch(/LDAP skipped: slapd is not installed .*no-such-slapd.*apt-get install slapd ldap-utils/);
    expect(out).toContain("apps: entra, google, slack, scim)");
    expect(out).not.toMatch(/^\s*error:/m);
    for (const type of ACCOUNT_TYPES.slice(0, 4)) expect(out).toMatch(created(type));
  }, 900_000);

  it("with slapd: all five apps, and the next commands it prints work as printed", async () => {
    const out = await demo({ IDLC_SLAPD: SLAPD_PATH });
    expect(out).not.toMatch(/skipped/i);
    expect(out).toContain("apps: entra, google, slack, scim, ldap)");
    for (const type of ACCOUNT_TYPES) expect(out).toMatch(created(type));

    const [report, audit, history, ...rest] = nextSteps(out);
    expect(rest).toEqual([]);
    expect(audit).toBe("npx idlc audit person E013 -C .idlc/demo");
    const person = await clone.sh(audit!);
    expect(person.code, person.stderr).toBe(0);
    expect(person.stdout).toContain("Mateo Rossi (E013)");
    for (const app of ["google", "ldap", "scim:github", "slack"])
      expect(person.stdout).toMatch(new RegExp(`^  ${app}$`, "m"));
    expect(person.stdout).toMatch(/disabled terminated since/);
    const updates = await clone.sh(history!);
    expect(updates.code, updates.stderr).toBe(0);
    // Two `idlc up`s, each one update or more (its cutoffs first, then the rest, then late manager links).
    const entries = updates.stdout.match(/^#\d+ update succeeded/gm) ?? [];
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(updates.stdout).toMatch(/^#1 update succeeded/m);

    // The workspace is left for looking around: state, history and the stopped sandbox's data.
    const file = fileURLToPath(report!);
    expect(file).toBe(path.join(clone.dir, ".idlc", "demo", "report.html"));
    expect(existsSync(path.join(clone.dir, ".idlc", "demo", ".idlc", "sandbox", "ldap", "db", "data.mdb"))).toBe(true);
    expect(existsSync(path.join(clone.dir, ".idlc", "demo", ".idlc", "sandbox", "sandbox.json"))).toBe(false);
    expect(readFileSync(file, "utf8")).toContain("<title>Access compliance report: demo</title>");
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu"],
    });
    try {
      const page = await browser.newPage();
      await page.goto(report!);
      expect(await page.title()).toBe("Access compliance report: demo");
      expect(await page.locator("body").innerText()).toMatch(new RegExp(`updates\\s+${entries.length}\\b`));
    } finally {
      await browser.close();
    }
  }, 900_000);
});
