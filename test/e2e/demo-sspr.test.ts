/**
 * `npm run demo -- sspr` from a fresh copy of the checkout: one reset walked end to end on the sandbox — the link
 * from the local inbox, the new password binding to the real slapd and held by the Entra and Google emulators —
 * and the audit command it ends with works as printed, showing each step of the reset.
 */
import { afterAll, describe, expect, it } from "vitest";
import { SLAPD_PATH } from "../../sandbox/ldap/start-slapd";
import { freshClone } from "./fresh-clone";

const clone = freshClone();
afterAll(() => clone.remove());

describe("npm run demo -- sspr", () => {
  it("resets one person's password in every password authority and shows it in the audit trail", async () => {
    const { code, stdout, stderr } = await clone.sh("npm run demo -- sspr", { IDLC_SLAPD: SLAPD_PATH });
    const out = `${stdout}${stderr}`;
    expect(code, out.slice(-4000)).toBe(0);
    expect(out).toMatch(/the link arrived at the recovery address HR holds for her, leah\.cohen@home\.example/);
    expect(out).toMatch(/^ {2}http:\/\/127\.0\.0\.1:\d+\/reset\?token=[\w-]{22}$/m);
    expect(out).toMatch(/ldap: a bind as uid=leah\.cohen,\S+ with the new password succeeds, with any other it fails/);
    expect(out).toContain("entra: the emulator holds the new password for leah.cohen@example.com");
    expect(out).toContain("google: the emulator holds the new password for leah.cohen@example.com");
    expect(out).toMatch(/sspr demo finished in \d+ s \(password authorities: ldap, entra, google\)/);

    const audit = out
      .split("\n")
      .find((l) => l.trim().startsWith("npx idlc audit person"))!
      .trim();
    expect(audit).toBe("npx idlc audit person E061 -C .idlc/demo");
    const person = await clone.sh(audit);
    expect(person.code, person.stderr).toBe(0);
    for (const step of ["requested", "link-sent reset", "link-used", "reset.set ldap", "reset.set entra"]) {
      expect(person.stdout).toContain(step);
    }
    expect(person.stdout).toMatch(/completed reset: ldap, entra, google/);
  }, 900_000);

  it("refuses an unknown story by name, before touching anything", async () => {
    const run = await clone.sh("npm run demo -- nonsense");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown demo "nonsense"');
  });
});
